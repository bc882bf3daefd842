#include "app/text_wrap.hpp"

#include <algorithm>
#include <array>

namespace caremap::app {

namespace {

// One UTF-8 character starting at `i`.
std::size_t char_length(std::string_view s, std::size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  const std::size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : 4;
  return std::min(n, s.size() - i);
}

bool is_ascii_word(std::string_view ch) {
  return ch.size() == 1 && ch[0] != ' ' && ch[0] != '\n';
}

bool in(std::string_view ch, std::initializer_list<std::string_view> set) {
  return std::find(set.begin(), set.end(), ch) != set.end();
}

bool no_line_start(std::string_view ch) {
  return in(
      ch, {"。", "、", "，", "．", "）", "」", "』", "】", "〕", "・", "ー", "…", "！", "？", "ゃ",
           "ゅ", "ょ", "っ", "ャ", "ュ", "ョ", "ッ", ")",  ",",  ".",  ":",  ";", "!",  "?"});
}

bool no_line_end(std::string_view ch) {
  return in(ch, {"（", "「", "『", "【", "〔", "("});
}

// Break opportunities: tokens are Latin words (with their trailing spaces) or single other
// characters; kinsoku glues a closing mark to the token before it and an opening bracket to the
// token after it.
std::vector<std::string> tokens(std::string_view text) {
  std::vector<std::string> out;
  std::size_t i = 0;
  bool glue_next = false;
  while (i < text.size()) {
    std::string token;
    std::size_t n = char_length(text, i);
    std::string_view ch = text.substr(i, n);
    if (ch == "\n") {
      out.emplace_back("\n");
      i += n;
      glue_next = false;
      continue;
    }
    if (is_ascii_word(ch)) {
      while (i < text.size() && is_ascii_word(text.substr(i, char_length(text, i)))) {
        token += text[i];
        ++i;
      }
    } else {
      token = std::string(ch);
      i += n;
    }
    while (i < text.size() && text[i] == ' ') {
      token += ' ';
      ++i;
    }
    const std::string_view first = std::string_view(token).substr(0, char_length(token, 0));
    if (!out.empty() && out.back() != "\n" && (glue_next || no_line_start(first))) {
      out.back() += token;
    } else {
      out.push_back(token);
    }
    const std::string_view last_char = [&] {
      std::size_t k = token.size();
      while (k > 0 && (static_cast<unsigned char>(token[k - 1]) & 0xC0) == 0x80) {
        --k;
      }
      return std::string_view(token).substr(k > 0 ? k - 1 : 0);
    }();
    glue_next = no_line_end(last_char);
  }
  return out;
}

std::string rtrim(std::string s) {
  while (!s.empty() && s.back() == ' ') {
    s.pop_back();
  }
  return s;
}

}  // namespace

std::vector<std::string> wrap_text(std::string_view text, float max_width,
                                   const std::function<float(std::string_view)>& width_of) {
  std::vector<std::string> lines;
  std::string line;
  for (const std::string& token : tokens(text)) {
    if (token == "\n") {
      lines.push_back(rtrim(line));
      line.clear();
      continue;
    }
    if (!line.empty() && width_of(rtrim(line + token)) > max_width) {
      lines.push_back(rtrim(line));
      line.clear();
    }
    // A token wider than a line (a long path) is cut where it must be.
    std::string rest = token;
    while (line.empty() && width_of(rtrim(rest)) > max_width && rest.size() > 1) {
      std::size_t cut = 0;
      while (cut < rest.size()) {
        const std::size_t n = char_length(rest, cut);
        if (cut > 0 && width_of(rest.substr(0, cut + n)) > max_width) {
          break;
        }
        cut += n;
      }
      if (cut >= rest.size()) {
        break;
      }
      lines.push_back(rest.substr(0, cut));
      rest = rest.substr(cut);
    }
    line += rest;
  }
  if (!line.empty()) {
    lines.push_back(rtrim(line));
  }
  return lines;
}

}  // namespace caremap::app
