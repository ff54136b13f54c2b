#include "input/html_body.h"

#include <unordered_set>
#include <vector>

#include "input/boilerplate.h"
#include "input/html_furniture.h"
#include "input/html_tree.h"
#include "text_util.h"

namespace dipnews::html {

namespace {

bool is_block(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_CENTER:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_FIELDSET:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_HGROUP:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_P:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_UL: return true;
    default: return false;
  }
}

// Builds the body: one paragraph per block element, separated by blank lines, <br> a line
// break inside one; whitespace collapsed as a browser would.
class TextBuilder {
 public:
  void text(std::string_view s) {
    for (std::size_t i = 0; i < s.size(); ++i) {
      const auto c = static_cast<unsigned char>(s[i]);
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
        pending_space_ = true;
      } else if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) {
        pending_space_ = true;  // no-break space
        ++i;
      } else if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xAD) {
        ++i;  // soft hyphen: invisible, and it would split a word in two
      } else if (c == 0xE2 && s.substr(i, 3) == "\xE2\x80\x8B") {
        i += 2;  // zero-width space
      } else if (c == 0xEF && s.substr(i, 3) == "\xEF\xBB\xBF") {
        i += 2;  // zero-width no-break space
      } else {
        if (pending_space_ && !paragraph_.empty() && paragraph_.back() != '\n') paragraph_ += ' ';
        pending_space_ = false;
        paragraph_ += s[i];
      }
    }
  }
  void space() { pending_space_ = true; }
  void line_break() {
    if (!paragraph_.empty() && paragraph_.back() != '\n') paragraph_ += '\n';
    pending_space_ = false;
  }
  void paragraph_break() {
    while (!paragraph_.empty() && paragraph_.back() == '\n') paragraph_.pop_back();
    if (!paragraph_.empty()) {
      if (!body_.empty()) body_ += "\n\n";
      body_ += paragraph_;
      paragraph_.clear();
    }
    pending_space_ = false;
  }
  std::string finish() {
    paragraph_break();
    if (!body_.empty()) body_ += '\n';
    return std::move(body_);
  }

 private:
  std::string body_, paragraph_;
  bool pending_space_ = false;
};

// Text inside links, against all the text of an element: teaser lists are nearly all links.
bool is_mostly_links(const GumboNode* n) {
  std::size_t all = 0, linked = 0;
  int in_link = 0;
  walk(
      n,
      [&](const GumboNode* c) {
        if (is_text(c) && c->type != GUMBO_NODE_WHITESPACE) {
          const std::size_t length = collapse_whitespace(c->v.text.text).size();
          all += length;
          if (in_link) linked += length;
        }
        if (tag_of(c) == GUMBO_TAG_A) ++in_link;
        return true;
      },
      [&](const GumboNode* c) {
        if (tag_of(c) == GUMBO_TAG_A) --in_link;
      });
  return all > 0 && linked * 10 >= all * 9;
}

// The text of an element as body paragraphs (TextBuilder), leaving out furniture, teaser
// lists under a boilerplate heading, and the headline repeated at the top (`title`).
class BodyExtractor {
 public:
  BodyExtractor(const BoilerplateFilter& boilerplate, const std::string& title)
      : boilerplate_(boilerplate), title_(fold_quotes(title)) {}

  std::string extract(const GumboNode* root) const {
    TextBuilder out;
    std::unordered_set<const GumboNode*> teasers;
    walk(
        root,
        [&](const GumboNode* n) {
          if (is_text(n)) {
            out.text(n->v.text.text);
            return false;
          }
          if (!is_element(n)) return n == root;  // comments
          if (n != root && (is_chrome(n) || teasers.count(n) || is_title_heading(n))) return false;
          find_teaser_lists(n, teasers);
          const GumboTag t = n->v.element.tag;
          if (t == GUMBO_TAG_BR) out.line_break();
          if (t == GUMBO_TAG_TD || t == GUMBO_TAG_TH) out.space();
          if (is_block(t)) out.paragraph_break();
          return true;
        },
        [&](const GumboNode* n) {
          const GumboTag t = tag_of(n);
          if (t == GUMBO_TAG_TD || t == GUMBO_TAG_TH) out.space();
          if (is_block(t)) out.paragraph_break();
        });
    return out.finish();
  }

 private:
  // The headline repeated at the top of the article is the title already.
  bool is_title_heading(const GumboNode* n) const {
    return n->v.element.tag == GUMBO_TAG_H1 && !title_.empty() && fold_quotes(inline_text(n, 1000)) == title_;
  }

  // A "Recommended" or "Related stories" heading (a boilerplate line, which the cleaner drops)
  // followed by lists of links: teasers for other articles, which go with their heading. A
  // heading followed by a real paragraph keeps the paragraph.
  void find_teaser_lists(const GumboNode* parent, std::unordered_set<const GumboNode*>& teasers) const {
    const GumboVector* children = children_of(parent);
    bool after_heading = false;
    for (unsigned i = 0; i < children->length; ++i) {
      const GumboNode* child = child_at(children, i);
      if (!is_element(child)) continue;
      const std::string text = inline_text(child, 300);
      if (text.empty()) continue;
      if (after_heading && is_mostly_links(child)) {
        teasers.insert(child);
        continue;
      }
      after_heading = boilerplate_.is_boilerplate(text);
    }
  }

  const BoilerplateFilter& boilerplate_;
  std::string title_;
};

// The elements that may hold the article text, found in one walk that skips furniture.
struct Landmarks {
  const GumboNode* article_body = nullptr;  // the first marked itemprop=articleBody
  const GumboNode* main = nullptr;          // the first <main> or role=main
  const GumboNode* body = nullptr;
  std::vector<const GumboNode*> articles;  // outermost <article>s
};

Landmarks find_landmarks(const GumboNode* document) {
  Landmarks found;
  // Only outermost <article>s are candidates: one inside another (a comment, an embedded
  // post) has no more text than its container, and weighing every level of 4,000 nested
  // ones took minutes.
  int article_depth = 0;
  walk(
      document,
      [&](const GumboNode* n) {
        if (!is_element(n) || is_chrome(n)) return n->type == GUMBO_NODE_DOCUMENT;
        const GumboTag t = n->v.element.tag;
        if (!found.article_body && has_token(attribute(n, "itemprop"), "articlebody")) found.article_body = n;
        if (t == GUMBO_TAG_ARTICLE && article_depth++ == 0) found.articles.push_back(n);
        if (!found.main && (t == GUMBO_TAG_MAIN || to_lower_ascii(trim(attribute(n, "role"))) == "main")) {
          found.main = n;
        }
        if (!found.body && t == GUMBO_TAG_BODY) found.body = n;
        return true;
      },
      [&](const GumboNode* n) {
        if (tag_of(n) == GUMBO_TAG_ARTICLE) --article_depth;
      });
  return found;
}

// The <article> with the most body text (the first among equals), or null when none has
// any. Measured as extracted, so teaser cards full of links and furniture weigh little.
const GumboNode* largest_article(const std::vector<const GumboNode*>& articles, const BodyExtractor& extractor) {
  const GumboNode* best = nullptr;
  std::size_t best_size = 0;
  for (const GumboNode* a : articles) {
    const std::size_t size = extractor.extract(a).size();
    if (size > best_size) best = a, best_size = size;
  }
  return best;
}

}  // namespace

const GumboNode* content_root(const GumboNode* document, const BoilerplateFilter& boilerplate) {
  const Landmarks found = find_landmarks(document);
  if (found.article_body) return found.article_body;
  // No title yet: the headline is not known until the content is (html_reader.cc).
  if (const GumboNode* best = largest_article(found.articles, BodyExtractor(boilerplate, ""))) return best;
  if (found.main) return found.main;
  return found.body ? found.body : document;
}

std::string body_text(const GumboNode* content, const BoilerplateFilter& boilerplate, const std::string& title) {
  return BodyExtractor(boilerplate, title).extract(content);
}

const GumboNode* first_in_text(const GumboNode* content, const GumboNode* document, GumboTag tag,
                               const char* required_attribute) {
  const GumboNode* found = nullptr;
  for (const GumboNode* scope : {content, document}) {
    walk(scope, [&](const GumboNode* n) {
      if (found || !is_element(n)) return n->type == GUMBO_NODE_DOCUMENT && !found;
      if (n != scope && is_chrome(n, /*allow_header=*/true)) return false;
      if (n->v.element.tag == tag && (!required_attribute || has_attribute(n, required_attribute))) {
        found = n;
        return false;
      }
      return true;
    });
    if (found) break;
  }
  return found;
}

}  // namespace dipnews::html
