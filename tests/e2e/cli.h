// Runs the real dipnews binaries for end-to-end tests.
#pragma once

#include <string>
#include <vector>

#include "process.h"

namespace dipnews::test {

ProcessResult run_index(const std::vector<std::string>& args, const std::string& input = "");
ProcessResult run_search(const std::vector<std::string>& args, const std::string& input = "");

// How many articles the bundled corpus holds (JSONL lines plus text and HTML files).
int bundled_article_count();

}  // namespace dipnews::test
