#include "store/store.h"

#include <sqlite3.h>

#include "base/strings.h"
#include "fmt/format.h"

namespace storyline::store {
namespace {

constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS articles (
  id TEXT PRIMARY KEY NOT NULL,
  source TEXT NOT NULL, url TEXT NOT NULL, title TEXT NOT NULL,
  body TEXT NOT NULL,
  format INTEGER NOT NULL,      -- 0 text, 1 HTML
  published TEXT,               -- YYYY-MM-DD or NULL
  lang TEXT NOT NULL            -- as declared; '' = detect
) WITHOUT ROWID;
)sql";

absl::Status Error(sqlite3* db, std::string_view what) {
  return absl::InternalError(
      fmt::format("sqlite: {}: {}", what, sqlite3_errmsg(db)));
}

// A prepared statement, finalized on scope exit.
class Statement {
 public:
  Statement(sqlite3* db, const char* sql) {
    sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr);
  }
  ~Statement() { sqlite3_finalize(stmt_); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  bool ok() const { return stmt_ != nullptr; }
  sqlite3_stmt* get() { return stmt_; }
  void Text(int index, std::string_view s) {
    sqlite3_bind_text(stmt_, index, s.data(), static_cast<int>(s.size()),
                      SQLITE_TRANSIENT);
  }
  std::string Column(int index) {
    const auto* p = sqlite3_column_text(stmt_, index);
    return p ? std::string(reinterpret_cast<const char*>(p),
                           sqlite3_column_bytes(stmt_, index))
             : std::string();
  }

 private:
  sqlite3_stmt* stmt_ = nullptr;
};

std::string DayText(const std::optional<absl::CivilDay>& day) {
  if (!day) return "";
  return fmt::format("{:04d}-{:02d}-{:02d}", day->year(), day->month(),
                     day->day());
}

std::optional<absl::CivilDay> ParseDay(const std::string& s) {
  int y = 0, m = 0, d = 0;
  if (std::sscanf(s.c_str(), "%d-%d-%d", &y, &m, &d) != 3) return std::nullopt;
  return absl::CivilDay(y, m, d);
}

constexpr const char* kSelect =
    "SELECT id, source, url, title, body, format, published, lang "
    "FROM articles";

Article ReadRow(Statement& st) {
  Article a;
  a.id = st.Column(0);
  a.source = st.Column(1);
  a.url = st.Column(2);
  a.title = st.Column(3);
  a.body = st.Column(4);
  a.format =
      sqlite3_column_int(st.get(), 5) == 1 ? Format::kHtml : Format::kText;
  a.published = ParseDay(st.Column(6));
  a.lang = LangFromCode(st.Column(7));
  return a;
}

}  // namespace

absl::StatusOr<std::unique_ptr<ArticleStore>> ArticleStore::Open(
    const std::string& path, const StoreOptions& options) {
  sqlite3* db = nullptr;
  const int flags =
      SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX;
  if (sqlite3_open_v2(path.c_str(), &db, flags, nullptr) != SQLITE_OK) {
    absl::Status status = Error(db, StrCat("cannot open ", path));
    sqlite3_close(db);
    return status;
  }
  sqlite3_busy_timeout(db, options.busy_timeout_ms);
  std::unique_ptr<ArticleStore> store(new ArticleStore(db));
  absl::MutexLock lock(&store->mu_);
  const std::string pragmas =
      StrCat("PRAGMA journal_mode=WAL; PRAGMA synchronous=",
             options.sync_full ? "FULL" : "NORMAL", ";");
  if (auto s = store->Exec(pragmas.c_str()); !s.ok()) return s;
  if (auto s = store->Exec(kSchema); !s.ok()) return s;
  return store;
}

ArticleStore::~ArticleStore() {
  absl::MutexLock lock(&mu_);
  sqlite3_close(db_);
}

absl::Status ArticleStore::Exec(const char* sql) {
  char* message = nullptr;
  if (sqlite3_exec(db_, sql, nullptr, nullptr, &message) == SQLITE_OK) {
    return absl::OkStatus();
  }
  std::string text = message ? message : "unknown error";
  sqlite3_free(message);
  return absl::InternalError(StrCat("sqlite: ", text));
}

absl::StatusOr<std::vector<PutResult>> ArticleStore::Put(
    std::span<const Article> articles) {
  absl::MutexLock lock(&mu_);
  if (auto s = Exec("BEGIN IMMEDIATE"); !s.ok()) return s;
  std::vector<PutResult> results;
  Statement exists(db_, "SELECT 1 FROM articles WHERE id = ?");
  Statement insert(db_,
                   "INSERT OR REPLACE INTO articles VALUES (?,?,?,?,?,?,?,?)");
  if (!exists.ok() || !insert.ok()) {
    absl::Status status = Error(db_, "prepare");
    Exec("ROLLBACK").IgnoreError();
    return status;
  }
  for (const Article& a : articles) {
    exists.Text(1, a.id);
    const bool existed = sqlite3_step(exists.get()) == SQLITE_ROW;
    sqlite3_reset(exists.get());
    const std::string day = DayText(a.published);
    const std::string_view fields[] = {a.id, a.source, a.url, a.title, a.body};
    for (int i = 0; i < 5; ++i) insert.Text(i + 1, fields[i]);
    sqlite3_bind_int(insert.get(), 6, a.format == Format::kHtml ? 1 : 0);
    if (day.empty()) {
      sqlite3_bind_null(insert.get(), 7);
    } else {
      insert.Text(7, day);
    }
    insert.Text(8, LangCode(a.lang));
    if (sqlite3_step(insert.get()) != SQLITE_DONE) {
      absl::Status status = Error(db_, StrCat("insert ", a.id));
      Exec("ROLLBACK").IgnoreError();
      return status;
    }
    sqlite3_reset(insert.get());
    results.push_back(existed ? PutResult::kReplaced : PutResult::kCreated);
  }
  if (auto s = Exec("COMMIT"); !s.ok()) {
    Exec("ROLLBACK").IgnoreError();
    return s;
  }
  return results;
}

absl::StatusOr<bool> ArticleStore::Delete(const std::string& id) {
  absl::MutexLock lock(&mu_);
  Statement st(db_, "DELETE FROM articles WHERE id = ?");
  if (!st.ok()) return Error(db_, "prepare");
  st.Text(1, id);
  if (sqlite3_step(st.get()) != SQLITE_DONE) return Error(db_, "delete");
  return sqlite3_changes(db_) > 0;
}

absl::StatusOr<std::optional<Article>> ArticleStore::Get(
    const std::string& id) {
  absl::MutexLock lock(&mu_);
  Statement st(db_, StrCat(kSelect, " WHERE id = ?").c_str());
  if (!st.ok()) return Error(db_, "prepare");
  st.Text(1, id);
  const int rc = sqlite3_step(st.get());
  if (rc == SQLITE_DONE) return std::optional<Article>();
  if (rc != SQLITE_ROW) return Error(db_, "get");
  return std::optional<Article>(ReadRow(st));
}

absl::Status ArticleStore::ForEach(const std::function<void(Article)>& fn) {
  absl::MutexLock lock(&mu_);
  Statement st(db_, StrCat(kSelect, " ORDER BY id").c_str());
  if (!st.ok()) return Error(db_, "prepare");
  int rc;
  while ((rc = sqlite3_step(st.get())) == SQLITE_ROW) fn(ReadRow(st));
  if (rc != SQLITE_DONE) return Error(db_, "scan");
  return absl::OkStatus();
}

absl::StatusOr<int64_t> ArticleStore::Count() {
  absl::MutexLock lock(&mu_);
  Statement st(db_, "SELECT COUNT(*) FROM articles");
  if (!st.ok() || sqlite3_step(st.get()) != SQLITE_ROW) {
    return Error(db_, "count");
  }
  return sqlite3_column_int64(st.get(), 0);
}

absl::StatusOr<std::string> ArticleStore::IntegrityCheck() {
  absl::MutexLock lock(&mu_);
  Statement st(db_, "PRAGMA integrity_check");
  if (!st.ok()) return Error(db_, "prepare");
  std::string out;
  while (sqlite3_step(st.get()) == SQLITE_ROW) {
    if (!out.empty()) out += "\n";
    out += st.Column(0);
  }
  return out;
}

}  // namespace storyline::store
