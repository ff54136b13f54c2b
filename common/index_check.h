// Xapian's own consistency check of an index (what xapian-check runs), made safe to call on a
// damaged one: Xapian 1.4's check itself crashes (SIGSEGV) or may loop on some damage, so it
// runs in a child process, which a crash or a time limit ends without the caller.
#pragma once

#include <optional>
#include <string>

namespace dipnews {

// What is wrong with the glass index at `path` ("Block 4 item 364: not in sorted order",
// "Xapian's check crashed on it (signal 11)"), or nullopt when the check found nothing.
// Reads every block once: about 2 s per 370 MB of index (docs/reliability.md).
std::optional<std::string> index_damage(const std::string& path);

}  // namespace dipnews
