// Several databases searched as one: Xapian stub files (local shards and remote shards served
// by xapian-tcpsrv), and the sharded layout `dipnews-index --shards N` writes.
//
// The layout (docs/scaling.md): `--db PATH --shards N` makes PATH a directory holding the N
// shard indexes PATH/shard-0 ... PATH/shard-(N-1) and PATH/XAPIANDB, a Xapian stub listing
// them ("auto shard-0" ...), so that Xapian, and every tool built on it, opens PATH as one
// database. Articles go to the shard their id hashes to, so a re-indexed article replaces
// itself in its own shard.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "schema.h"

namespace dipnews {

// One database named by a stub file line.
struct StubEntry {
  enum class Kind { local, remote_tcp, remote_program } kind = Kind::local;
  std::string path;              // local: resolved against the stub file's directory
  std::string host;              // remote_tcp
  unsigned port = 0;             // remote_tcp
  std::string program;           // remote_program (xapian-progsrv, or ssh running it)
  std::string args;              // remote_program
  long line = 0;                 // in the stub file, for messages
  std::string describe() const;  // "HOST:PORT", the path, or the program line
};

// The stub file `path` names: the file itself when it is a regular file, PATH/XAPIANDB for a
// directory that is a stub directory rather than an index; nullopt otherwise.
std::optional<std::string> stub_file_of(const std::string& path);

// True for a directory holding nothing but XAPIANDB.new: `--shards` was killed while it
// wrote the stub of a new sharded index, its first step.
bool only_stub_leftover(const std::string& dir);

// Reads a stub file as Xapian 1.4 does ("auto|glass|chert PATH", "remote HOST:PORT", "remote
// :PROGRAM ARGS", "#" comments), and also "remote tcp HOST:PORT" (the form docs/reference.md documents, which
// Xapian 1.4 itself rejects) and "[IPv6]:PORT". Throws RuntimeFailure FILE:LINE on a bad line.
std::vector<StubEntry> read_stub(const std::string& stub_file);

// The shard (0..shards-1) an article id belongs to: 64-bit FNV-1a of the id, modulo the
// number of shards. Stable across builds and machines: the indexer relies on it to find an
// article it wrote in an earlier run.
unsigned shard_of(std::string_view id, unsigned shards);

namespace shard_metadata {
inline constexpr const char* key = schema::metadata::shard;  // "K/N UUID", see common/schema.h
}  // namespace shard_metadata

struct ShardIdentity {
  unsigned index = 0;  // K
  unsigned count = 0;  // N
  std::string set;     // UUID shared by the N shards of one index
};
std::string format_shard_identity(const ShardIdentity& id);
std::optional<ShardIdentity> parse_shard_identity(std::string_view value);

// What dipnews-index writes into for --db PATH: the database directories, in shard order.
struct WriteLayout {
  std::vector<std::string> paths;  // one for a plain index
  bool sharded = false;
};

// `requested_shards`: 0 keeps what PATH is (a new PATH: one plain index); N >= 1 asks for a
// sharded layout of N, which must match an existing one. Creates the layout's directory and
// stub for a new sharded index. Throws UsageError when PATH is sharded otherwise, or is a
// stub this indexer did not write; RuntimeFailure on I/O errors.
WriteLayout layout_for_writing(const std::string& path, unsigned requested_shards);

// Every database directory of a plain or sharded index, for whole-index operations.
std::vector<std::string> index_directories(const std::string& path);

}  // namespace dipnews
