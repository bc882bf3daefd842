#include "io/text_encoding.hpp"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdio>

#include "core/error.hpp"
#include "core/utf8.hpp"
#include "io/byte_scan.hpp"

namespace caremap::io {

namespace {

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

// Length of the UTF-8 sequence a lead byte starts (0: not a lead byte).
std::size_t utf8_sequence_length(unsigned char lead) {
  return lead < 0x80           ? 1
         : (lead >> 5) == 0x6  ? 2
         : (lead >> 4) == 0xE  ? 3
         : (lead >> 3) == 0x1E ? 4
                               : 0;
}

// The code point at `offset` if a complete, valid UTF-8 sequence starts there.
std::optional<char32_t> utf8_code_point_at(std::string_view text, std::size_t offset) {
  const std::size_t len = utf8_sequence_length(static_cast<unsigned char>(text[offset]));
  if (len == 0 || offset + len > text.size() || !is_valid_utf8(text.substr(offset, len))) {
    return std::nullopt;
  }
  std::size_t i = offset;
  return core::next_code_point(text, i);
}

std::string code_point_label(char32_t cp) {
  char hex[16];
  std::snprintf(hex, sizeof hex, "U+%04X", static_cast<unsigned>(cp));
  std::string label = hex;
  label += " '";
  core::append_utf8(label, cp);
  label += "'";
  return label;
}

bool is_utf8_name(std::string_view name) {
  return iequals(name, "UTF-8") || iequals(name, "UTF8");
}

}  // namespace

std::string_view to_string(TextEncoding e) {
  return e == TextEncoding::utf8 ? "UTF-8" : "CP932";
}

std::optional<TextEncoding> parse_encoding(std::string_view name) {
  for (std::string_view n : {"UTF-8", "UTF8"}) {
    if (iequals(name, n)) {
      return TextEncoding::utf8;
    }
  }
  for (std::string_view n : {"CP932", "Shift_JIS", "SJIS", "Shift-JIS", "Windows-31J", "MS932"}) {
    if (iequals(name, n)) {
      return TextEncoding::cp932;
    }
  }
  return std::nullopt;
}

std::optional<std::size_t> first_invalid_utf8(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  std::size_t i = 0;
  while (i < n) {
    // Eight ASCII bytes at a time: a national demand file is mostly digits and commas, and one
    // byte at a time this scan was a tenth of reading it.
    while (i + 8 <= n) {
      if ((detail::load_word(s.data() + i) & 0x8080808080808080ULL) != 0) {
        break;
      }
      i += 8;
    }
    if (i >= n) {
      break;
    }
    const unsigned char c = p[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t len = 0;
    std::uint32_t cp = 0;
    std::uint32_t min = 0;
    if ((c & 0xE0) == 0xC0) {
      len = 2, cp = c & 0x1F, min = 0x80;
    } else if ((c & 0xF0) == 0xE0) {
      len = 3, cp = c & 0x0F, min = 0x800;
    } else if ((c & 0xF8) == 0xF0) {
      len = 4, cp = c & 0x07, min = 0x10000;
    } else {
      return i;
    }
    if (i + len > n) {
      return i;
    }
    for (std::size_t k = 1; k < len; ++k) {
      if ((p[i + k] & 0xC0) != 0x80) {
        return i;
      }
      cp = (cp << 6) | (p[i + k] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
      return i;
    }
    i += len;
  }
  return std::nullopt;
}

bool is_valid_utf8(std::string_view bytes) {
  return !first_invalid_utf8(bytes).has_value();
}

bool has_utf8_bom(std::string_view bytes) {
  return bytes.substr(0, 3) == "\xEF\xBB\xBF";
}

std::string_view strip_utf8_bom(std::string_view bytes) {
  return has_utf8_bom(bytes) ? bytes.substr(3) : bytes;
}

TextEncoding detect_encoding(std::string_view bytes) {
  return is_valid_utf8(strip_utf8_bom(bytes)) ? TextEncoding::utf8 : TextEncoding::cp932;
}

Iconv::Iconv(const char* to_code, const char* from_code)
    : m_cd(iconv_open(to_code, from_code)), m_from(from_code), m_to(to_code) {
  if (m_cd == reinterpret_cast<iconv_t>(-1)) {
    throw core::ArgumentError(std::string("no text conversion from ") + from_code + " to " +
                              to_code + " in this C library");
  }
}

Iconv::~Iconv() {
  iconv_close(m_cd);
}

std::string Iconv::convert(std::string_view in, std::size_t in_offset) {
  iconv(m_cd, nullptr, nullptr, nullptr, nullptr);  // reset shift state
  std::string out;
  out.resize(in.size() * 2 + 16);            // CP932 -> UTF-8 grows by at most 3/2
  char* src = const_cast<char*>(in.data());  // iconv's signature is not const-correct
  std::size_t src_left = in.size();
  std::size_t written = 0;
  while (src_left > 0) {
    char* dst = out.data() + written;
    std::size_t dst_left = out.size() - written;
    const std::size_t r = iconv(m_cd, &src, &src_left, &dst, &dst_left);
    written = static_cast<std::size_t>(dst - out.data());
    if (r == static_cast<std::size_t>(-1)) {
      if (errno == E2BIG) {
        out.resize(out.size() * 2);
        continue;
      }
      const std::size_t offset = in.size() - src_left;
      const std::string at = std::to_string(in_offset + offset);
      // iconv says EILSEQ both for broken input and for a valid character the target has no
      // code for (𠮷, most emoji in CP932); a user fixing a name needs to know which it was.
      if (errno == EILSEQ && is_utf8_name(m_from)) {
        if (const auto cp = utf8_code_point_at(in, offset)) {
          throw core::InputError(code_point_label(*cp) + " at byte offset " + at + " has no " +
                                 m_to + " code (the text is valid UTF-8; replace the character)");
        }
      }
      throw core::InputError("invalid " + m_from + " byte sequence at byte offset " + at);
    }
  }
  out.resize(written);
  return out;
}

std::string cp932_to_utf8(std::string_view cp932) {
  // Lines of ASCII bytes are the same in UTF-8, and no CP932 character contains a line feed
  // (trail bytes are 0x40-0xFC), so only the lines from the first to the last byte >= 0x80 go
  // through iconv: a census mesh file is Japanese in its two header rows, digits below.
  const auto high = [](char c) { return static_cast<unsigned char>(c) >= 0x80; };
  const auto first = std::find_if(cp932.begin(), cp932.end(), high);
  if (first == cp932.end()) {
    return std::string(cp932);
  }
  const auto last = std::find_if(cp932.rbegin(), cp932.rend(), high).base();
  const std::size_t from = cp932.rfind('\n', static_cast<std::size_t>(first - cp932.begin()));
  const std::size_t begin = from == std::string_view::npos ? 0 : from + 1;
  const std::size_t to = cp932.find('\n', static_cast<std::size_t>(last - cp932.begin()));
  const std::size_t end = to == std::string_view::npos ? cp932.size() : to;
  std::string out(cp932.substr(0, begin));
  out += Iconv("UTF-8", "CP932").convert(cp932.substr(begin, end - begin), begin);
  out += cp932.substr(end);
  return out;
}

std::string utf8_to_cp932(std::string_view utf8) {
  return Iconv("CP932", "UTF-8").convert(utf8);
}

}  // namespace caremap::io
