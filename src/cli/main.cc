// storyline: news articles in, stories out.
#include <iostream>

#include "cli/common.h"

int main(int argc, char** argv) {
  using namespace storyline::cli;
  CLI::App app{
      "storyline: turns a stream of news articles into stories.\n"
      "Finds copies, clusters articles into events and events into stories,\n"
      "and tells each story.",
      "storyline"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "storyline 0.1.0");
  const Command commands[] = {AddStoriesCommand(app), AddClusterCommand(app),
                              AddDedupCommand(app), AddEvalCommand(app),
                              AddServeCommand(app), AddExtractCommand(app)};
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }
  for (const Command& command : commands) {
    if (command.app->parsed()) return command.run();
  }
  return kFailed;
}
