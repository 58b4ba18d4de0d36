// Durable article storage: one SQLite file in WAL mode. An article written
// here survives a crash of the process as soon as the call returns OK; the
// server acknowledges nothing before that.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "storyline/types.h"

struct sqlite3;

namespace storyline::store {

struct StoreOptions {
  // FULL syncs the WAL on every commit: an acknowledged article survives a
  // power loss too. NORMAL is faster but only survives a process crash.
  bool sync_full = true;
  int busy_timeout_ms = 5000;  // another process holding the lock
};

// What Put did to each article.
enum class PutResult { kCreated, kReplaced };

// Thread-safe: one connection, calls serialized by a mutex (SQLite writes
// are serialized anyway; reads are rare: startup and GET /articles/{id}).
class ArticleStore {
 public:
  // Opens or creates the database at `path` (parent folder must exist).
  static absl::StatusOr<std::unique_ptr<ArticleStore>> Open(
      const std::string& path, const StoreOptions& options = {});
  ~ArticleStore();
  ArticleStore(const ArticleStore&) = delete;
  ArticleStore& operator=(const ArticleStore&) = delete;

  // Inserts or replaces every article in one transaction: all or none.
  absl::StatusOr<std::vector<PutResult>> Put(std::span<const Article> articles);

  // False when there was no such article.
  absl::StatusOr<bool> Delete(const std::string& id);

  absl::StatusOr<std::optional<Article>> Get(const std::string& id);

  // Calls `fn` for every stored article, in id order.
  absl::Status ForEach(const std::function<void(Article)>& fn);

  absl::StatusOr<int64_t> Count();

  // "ok" when PRAGMA integrity_check finds nothing wrong.
  absl::StatusOr<std::string> IntegrityCheck();

 private:
  explicit ArticleStore(sqlite3* db) : db_(db) {}
  absl::Status Exec(const char* sql) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);

  absl::Mutex mu_;
  sqlite3* db_ ABSL_GUARDED_BY(mu_);  // owned; closed in the destructor
};

}  // namespace storyline::store
