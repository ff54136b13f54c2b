#include "input/input_files.h"

#include <algorithm>
#include <filesystem>
#include <system_error>

#include "file_errors.h"
#include "text_util.h"

namespace dipnews {

namespace fs = std::filesystem;

std::optional<InputFormat> parse_input_format(std::string_view name) {
  const std::string n = to_lower_ascii(name);
  if (n == "jsonl" || n == "ndjson") return InputFormat::jsonl;
  if (n == "text" || n == "txt" || n == "md") return InputFormat::text;
  if (n == "html" || n == "htm") return InputFormat::html;
  return std::nullopt;
}

std::optional<InputFormat> format_from_extension(const std::string& path) {
  std::string ext = fs::path(path).extension().string();
  if (ext.empty()) return std::nullopt;
  return parse_input_format(std::string_view(ext).substr(1));
}

std::string_view format_name(InputFormat format) {
  switch (format) {
    case InputFormat::jsonl: return "jsonl";
    case InputFormat::text: return "text";
    case InputFormat::html: return "html";
  }
  return "unknown";
}

namespace {

bool is_hidden(const fs::path& p) {
  const std::string name = p.filename().string();
  return !name.empty() && name.front() == '.';
}

// Collects the article files under `dir`, one directory at a time. Every directory that
// cannot be opened or read to its end is an error naming it, as an unreadable file is, and
// the walk goes on with the rest (std::filesystem's skip_permission_denied would pass over
// it in silence, and without it recursive_directory_iterator ends the whole walk there).
// Symbolic links to directories are not followed, so a link loop cannot walk forever.
// Returns false when something could not be read.
bool collect_files(const fs::path& dir, std::vector<std::string>& found, ExpandedInputs& out) {
  std::error_code ec;
  fs::directory_iterator it(dir, ec), end;
  if (ec) {
    out.errors.push_back({dir.string(), 0, "cannot read directory: " + ec.message()});
    return false;
  }
  bool complete = true;
  std::vector<fs::path> subdirectories;
  for (; it != end; it.increment(ec)) {
    if (ec) break;
    // The error_code forms: an entry that cannot be examined (a symbolic link loop, a file
    // removed meanwhile) is reported and passed over; the throwing forms would end the run.
    std::error_code entry_ec;
    const fs::path& path = it->path();
    if (is_hidden(path)) continue;
    if (it->is_directory(entry_ec) && !it->is_symlink(entry_ec)) {
      subdirectories.push_back(path);
      continue;
    }
    entry_ec.clear();
    const bool regular = it->is_regular_file(entry_ec);
    if (entry_ec) {
      if (format_from_extension(path.string())) {
        out.errors.push_back({path.string(), 0, "cannot read: " + entry_ec.message()});
        complete = false;
      }
      continue;
    }
    if (regular && format_from_extension(path.string())) found.push_back(path.string());
  }
  if (ec) {
    // Report it, but still read what was found before the failure.
    out.errors.push_back({dir.string(), 0, "cannot read all of the directory: " + ec.message()});
    complete = false;
  }
  for (const auto& sub : subdirectories) complete = collect_files(sub, found, out) && complete;
  return complete;
}

void walk_directory(const std::string& dir, std::optional<InputFormat> forced, ExpandedInputs& out) {
  std::vector<std::string> found;
  const bool complete = collect_files(dir, found, out);
  if (found.empty() && complete) {
    // Not an error (an inbox directory may well be empty today), but say so: a mistyped
    // directory or files named .json would otherwise index nothing in silence.
    out.errors.push_back(
        {dir, 0, "no article files in this directory (.jsonl, .ndjson, .txt, .md, .html, .htm)", true});
  }
  std::sort(found.begin(), found.end());  // same order on every machine
  for (auto& path : found) {
    InputFormat format = forced ? *forced : *format_from_extension(path);
    out.files.push_back({std::move(path), format});
  }
}

}  // namespace

ExpandedInputs expand_inputs(const std::vector<std::string>& inputs, std::optional<InputFormat> forced) {
  ExpandedInputs out;
  for (const auto& input : inputs) {
    if (input == stdin_name) {
      out.files.push_back({input, forced.value_or(InputFormat::jsonl)});
      continue;
    }
    std::error_code ec;
    auto status = fs::status(input, ec);
    if (ec && ec != std::errc::no_such_file_or_directory) {
      const std::string detail = ec == std::errc::filename_too_long ? name_too_long_detail(input) : "";
      out.errors.push_back({input, 0, "cannot read: " + ec.message() + (detail.empty() ? "" : ": " + detail)});
    } else if (ec || !fs::exists(status)) {
      out.errors.push_back({input, 0, "no such file or directory"});
    } else if (fs::is_directory(status)) {
      walk_directory(input, forced, out);
    } else if (auto format = forced ? forced : format_from_extension(input)) {
      out.files.push_back({input, *format});
    } else {
      out.errors.push_back(
          {input, 0, "unknown input format (use .jsonl, .ndjson, .txt, .md, .html, .htm or --input-format)"});
    }
  }
  return out;
}

}  // namespace dipnews
