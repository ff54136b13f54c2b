#include "input/input_files.h"

#include <algorithm>
#include <filesystem>
#include <system_error>

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

void walk_directory(const std::string& dir, std::optional<InputFormat> forced, ExpandedInputs& out) {
  std::vector<std::string> found;
  std::error_code ec;
  fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec), end;
  if (ec) {
    out.errors.push_back({dir, 0, "cannot read directory: " + ec.message()});
    return;
  }
  for (; it != end; it.increment(ec)) {
    if (ec) {
      // Report it, but still read what was found before the failure.
      out.errors.push_back({dir, 0, "cannot read all of the directory: " + ec.message()});
      break;
    }
    // The error_code forms: an entry that cannot be examined (a symbolic link loop, a file
    // removed meanwhile) is reported and passed over; the throwing forms would end the run.
    std::error_code entry_ec;
    if (is_hidden(it->path())) {
      if (it->is_directory(entry_ec)) it.disable_recursion_pending();
      continue;
    }
    const bool regular = it->is_regular_file(entry_ec);
    if (entry_ec) {
      if (format_from_extension(it->path().string())) {
        out.errors.push_back({it->path().string(), 0, "cannot read: " + entry_ec.message()});
      }
      continue;
    }
    if (regular && format_from_extension(it->path().string())) found.push_back(it->path().string());
  }
  if (found.empty() && !ec) {
    // Not an error (an inbox directory may well be empty today), but say so: a mistyped
    // directory or files named .json would otherwise index nothing in silence.
    out.errors.push_back({dir, 0, "no article files in this directory (.jsonl, .ndjson, .txt, .md, .html, .htm)", true});
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
      out.errors.push_back({input, 0, "cannot read: " + ec.message()});
    } else if (ec || !fs::exists(status)) {
      out.errors.push_back({input, 0, "no such file or directory"});
    } else if (fs::is_directory(status)) {
      walk_directory(input, forced, out);
    } else if (auto format = forced ? forced : format_from_extension(input)) {
      out.files.push_back({input, *format});
    } else {
      out.errors.push_back({input, 0, "unknown input format (use .jsonl, .ndjson, .txt, .md, .html, .htm or --input-format)"});
    }
  }
  return out;
}

}  // namespace dipnews
