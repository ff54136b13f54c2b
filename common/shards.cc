#include "shards.h"

#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <system_error>

#include "error.h"
#include "file_errors.h"
#include "open_files.h"

namespace dipnews {

namespace fs = std::filesystem;

namespace {

// Files by which Xapian recognises a database directory (glass is 1.4's default).
bool is_database_directory(const fs::path& dir) {
  std::error_code ec;
  for (const char* marker : {"iamglass", "iamchert", "iamflint", "iamhoney"}) {
    if (fs::exists(dir / marker, ec)) return true;
  }
  return false;
}

// A single-file glass database (xapian-compact --single-file) is a regular file too.
bool is_single_file_database(const std::string& path) {
  char magic[14] = {};
  std::ifstream in(path, std::ios::binary);
  return in.read(magic, sizeof magic) && std::memcmp(magic, "\x0f\x0dXapian ", 9) == 0;
}

std::string_view trim_right(std::string_view s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

[[noreturn]] void bad_line(const std::string& file, long line, const std::string& what) {
  throw RuntimeFailure(file + ":" + std::to_string(line) + ": error: " + what);
}

// "HOST:PORT" or "[IPV6]:PORT".
void parse_host_port(std::string_view text, StubEntry& e, const std::string& file) {
  std::string_view host, port;
  if (!text.empty() && text.front() == '[') {
    const auto close = text.find(']');
    if (close == std::string_view::npos || close + 1 >= text.size() || text[close + 1] != ':') {
      bad_line(file, e.line, "expected remote [ADDRESS]:PORT");
    }
    host = text.substr(1, close - 1);
    port = text.substr(close + 2);
  } else {
    const auto colon = text.rfind(':');
    if (colon == std::string_view::npos) bad_line(file, e.line, "expected remote HOST:PORT or remote tcp HOST:PORT");
    host = text.substr(0, colon);
    port = text.substr(colon + 1);
  }
  unsigned value = 0;
  const auto [end, ec] = std::from_chars(port.data(), port.data() + port.size(), value);
  if (host.empty() || ec != std::errc() || end != port.data() + port.size() || value == 0 || value > 65535) {
    bad_line(file, e.line, "bad remote address '" + std::string(text) + "' (expected HOST:PORT, port 1-65535)");
  }
  e.kind = StubEntry::Kind::remote_tcp;
  e.host = std::string(host);
  e.port = value;
}

std::string shard_directory_name(unsigned k) { return "shard-" + std::to_string(k); }

constexpr const char* stub_name = "XAPIANDB";

void write_stub(const fs::path& dir, unsigned shards) {
  const fs::path stub = dir / stub_name;
  const fs::path temporary = dir / (std::string(stub_name) + ".new");
  {
    std::ofstream out(temporary);
    out << "# dipnews-index --shards " << shards << ": each article is in shard-(FNV-1a of its id mod " << shards
        << ").\n# Keep the number of shards; see docs/scaling.md to serve them from other machines.\n";
    for (unsigned k = 0; k < shards; ++k) out << "auto " << shard_directory_name(k) << "\n";
    out.flush();
    if (!out) throw RuntimeFailure("cannot write '" + temporary.string() + "': " + std::strerror(errno));
  }
  std::error_code ec;
  fs::rename(temporary, stub, ec);  // atomic: a reader sees the whole stub or none
  if (ec) throw RuntimeFailure("cannot write '" + stub.string() + "': " + ec.message());
}

}  // namespace

bool only_stub_leftover(const std::string& dir) {
  std::error_code ec;
  fs::directory_iterator it(dir, ec), end;
  if (ec || it == end || it->path().filename() != std::string(stub_name) + ".new") return false;
  return it.increment(ec) == end && !ec;
}

std::string StubEntry::describe() const {
  switch (kind) {
    case Kind::local: return path;
    case Kind::remote_tcp:
      return (host.find(':') != std::string::npos ? "[" + host + "]" : host) + ":" + std::to_string(port);
    case Kind::remote_program: return program + (args.empty() ? "" : " " + args);
  }
  return path;
}

std::optional<std::string> stub_file_of(const std::string& path) {
  std::error_code ec;
  const auto status = fs::status(path, ec);
  if (ec) return std::nullopt;
  if (fs::is_regular_file(status)) {
    if (is_single_file_database(path)) return std::nullopt;
    return path;
  }
  if (fs::is_directory(status) && !is_database_directory(path) && fs::exists(fs::path(path) / stub_name, ec)) {
    return (fs::path(path) / stub_name).string();
  }
  return std::nullopt;
}

std::vector<StubEntry> read_stub(const std::string& stub_file) {
  std::ifstream in(stub_file);
  if (!in) throw RuntimeFailure("cannot read stub database file '" + stub_file + "': " + std::strerror(errno));
  const fs::path base = fs::path(stub_file).parent_path();
  std::vector<StubEntry> entries;
  std::string text;
  long number = 0;
  while (std::getline(in, text)) {
    ++number;
    const std::string_view line = trim_right(text);
    if (line.empty() || line.front() == '#') continue;
    const auto space = line.find(' ');
    const std::string_view type = line.substr(0, space);
    std::string_view rest = space == std::string_view::npos ? std::string_view() : line.substr(space + 1);
    StubEntry e;
    e.line = number;
    if (type == "auto" || type == "glass" || type == "chert") {
      if (rest.empty()) bad_line(stub_file, number, "'" + std::string(type) + "' needs a database path");
      const fs::path p(rest);
      e.path = (p.is_absolute() ? p : base / p).lexically_normal().string();
    } else if (type == "remote") {
      if (rest.rfind("tcp ", 0) == 0) {
        parse_host_port(rest.substr(4), e, stub_file);
      } else if (!rest.empty() && rest.front() == ':') {
        const auto gap = rest.find(' ');
        e.kind = StubEntry::Kind::remote_program;
        e.program = std::string(rest.substr(1, gap == std::string_view::npos ? std::string_view::npos : gap - 1));
        if (gap != std::string_view::npos) e.args = std::string(rest.substr(gap + 1));
        if (e.program.empty()) bad_line(stub_file, number, "expected remote :PROGRAM ARGS");
      } else {
        parse_host_port(rest, e, stub_file);
      }
    } else {
      const std::string shown = type.size() > 40 ? std::string(type.substr(0, 40)) + "..." : std::string(type);
      bad_line(stub_file, number,
               "unknown database type '" + shown +
                   "' (not a stub database? expected auto PATH, remote tcp HOST:PORT or remote :PROGRAM ARGS)");
    }
    entries.push_back(std::move(e));
  }
  if (in.bad()) throw RuntimeFailure("cannot read stub database file '" + stub_file + "'");
  return entries;
}

unsigned shard_of(std::string_view id, unsigned shards) {
  std::uint64_t h = 14695981039346656037ull;  // FNV-1a, 64 bits: fixed forever (see shards.h)
  for (unsigned char c : id) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return shards <= 1 ? 0 : static_cast<unsigned>(h % shards);
}

std::string format_shard_identity(const ShardIdentity& id) {
  return std::to_string(id.index) + "/" + std::to_string(id.count) + " " + id.set;
}

std::optional<ShardIdentity> parse_shard_identity(std::string_view value) {
  ShardIdentity id;
  const auto slash = value.find('/');
  const auto space = value.find(' ');
  if (slash == std::string_view::npos || space == std::string_view::npos || space < slash) return std::nullopt;
  const auto number = [](std::string_view s, unsigned& out) {
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc() && end == s.data() + s.size();
  };
  if (!number(value.substr(0, slash), id.index) || !number(value.substr(slash + 1, space - slash - 1), id.count)) {
    return std::nullopt;
  }
  id.set = std::string(value.substr(space + 1));
  if (id.count == 0 || id.index >= id.count || id.set.empty()) return std::nullopt;
  return id;
}

WriteLayout layout_for_writing(const std::string& path, unsigned requested_shards) {
  if (const auto stub = stub_file_of(path)) {
    const auto entries = read_stub(*stub);
    const fs::path dir = fs::path(*stub).parent_path();
    WriteLayout layout{{}, true};
    for (std::size_t k = 0; k < entries.size(); ++k) {
      const auto& e = entries[k];
      const std::string expected = (dir / shard_directory_name(static_cast<unsigned>(k))).lexically_normal().string();
      if (e.kind != StubEntry::Kind::local || e.path != expected) {
        throw UsageError("'" + path +
                         "' is a stub database listing other databases than the shards dipnews-index --shards "
                         "writes (" +
                         *stub + ":" + std::to_string(e.line) + "); index into one of its databases instead");
      }
      layout.paths.push_back(expected);
    }
    if (layout.paths.empty()) throw UsageError("'" + path + "' is a stub database listing no database");
    const auto n = static_cast<unsigned>(layout.paths.size());
    if (requested_shards != 0 && requested_shards != n) {
      throw UsageError("'" + path + "' has " + std::to_string(n) + " shards, not " + std::to_string(requested_shards) +
                       ": an article's shard depends on their number, so it is fixed when the index is created "
                       "(leave --shards out, or re-index into a new --db to change it)");
    }
    check_open_file_room(n, files_per_shard_indexing, "'" + path + "' of " + std::to_string(n) + " shards",
                         "index into it");
    return layout;
  }
  std::error_code ec;
  const bool exists = fs::exists(path, ec);
  if (requested_shards == 0) return {{path}, false};
  if (exists) {
    // A run killed while it wrote the stub (the stub is the first thing written) left only
    // the stub's temporary file: a layout never begun.
    if (fs::is_directory(path, ec) && only_stub_leftover(path))
      fs::remove(fs::path(path) / (std::string(stub_name) + ".new"), ec);
    if (fs::is_directory(path, ec) && is_database_directory(path)) {
      throw UsageError("'" + path + "' is a single index, not a sharded one: --shards " +
                       std::to_string(requested_shards) +
                       " needs a new --db (re-index the articles into it), or leave --shards out");
    }
    if (!fs::is_directory(path, ec) || !fs::is_empty(path, ec)) {
      throw UsageError("'" + path + "' exists and is not a dipnews index: --shards needs a new or empty directory");
    }
  }
  // Before anything is created: a layout begun and refused at its 340th shard stays half made.
  check_open_file_room(requested_shards, files_per_shard_indexing, "--shards " + std::to_string(requested_shards),
                       "index");
  fs::create_directories(path, ec);
  if (ec) throw RuntimeFailure("cannot create the directory '" + path + "': " + why_mkdir_failed(path, ec.value()));
  // The stub first: a run killed before the shards exist leaves a layout the next run completes.
  write_stub(path, requested_shards);
  WriteLayout layout{{}, true};
  for (unsigned k = 0; k < requested_shards; ++k) {
    layout.paths.push_back((fs::path(path) / shard_directory_name(k)).lexically_normal().string());
  }
  return layout;
}

std::vector<std::string> index_directories(const std::string& path) {
  const auto stub = stub_file_of(path);
  if (!stub) return {path};
  std::vector<std::string> out;
  for (const auto& e : read_stub(*stub)) {
    if (e.kind != StubEntry::Kind::local) {
      throw UsageError("'" + path + "' lists a remote database (" + *stub + ":" + std::to_string(e.line) +
                       "): run this on the machine that holds it");
    }
    out.push_back(e.path);
  }
  return out;
}

}  // namespace dipnews
