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

// The check costs a read of the whole index on every run; it is needed only when something
// else than a dipnews-index run that began with a clean index changed the files since. So a
// run that ends without an error records the state of each index it checked or created
// (name, size, modification and change times, inode of every file) in the index's
// dipnews-checked, and the next run checks again only when any of them differs: a write by
// another program, a run killed or failed halfway, damage done by hand (which cannot set a
// file's change time back). Damage that changes none of them (a failing disk) is found by
// xapian-check only.
bool unchanged_since_checked(const std::string& path);
void note_checked(const std::string& path);  // checked or created clean by this process
void record_checked_indexes();               // at the end of a run without errors
inline constexpr const char* checked_record_name = "dipnews-checked";

}  // namespace dipnews
