#pragma once
// Text encodings of input files. Japanese public data comes as UTF-8 (with or without a byte
// order mark) or as CP932 (Windows Shift_JIS, what Excel on Japanese Windows writes). caremap
// works in UTF-8 only: CP932 input is transcoded once, on load, with iconv.

#include <iconv.h>

#include <optional>
#include <string>
#include <string_view>

namespace caremap::io {

enum class TextEncoding { utf8, cp932 };

/// "UTF-8" or "CP932".
std::string_view to_string(TextEncoding e);

/// Parses a project file's encoding name: UTF-8 (utf8, utf-8), CP932 (cp932, Shift_JIS, SJIS,
/// Windows-31J), case-insensitive. nullopt if unknown.
std::optional<TextEncoding> parse_encoding(std::string_view name);

/// Strict UTF-8 check (no overlong forms, no surrogates, nothing above U+10FFFF). O(n).
bool is_valid_utf8(std::string_view bytes);

/// Byte offset of the first invalid UTF-8 sequence, nullopt if the text is valid. O(n).
std::optional<std::size_t> first_invalid_utf8(std::string_view bytes);

/// True if the text starts with the UTF-8 byte order mark EF BB BF.
bool has_utf8_bom(std::string_view bytes);

/// The text without a leading UTF-8 byte order mark.
std::string_view strip_utf8_bom(std::string_view bytes);

/// UTF-8 if the bytes (after any BOM) are valid UTF-8, else CP932: a CP932 file with Japanese
/// text is practically never valid UTF-8, and pure ASCII is the same in both.
TextEncoding detect_encoding(std::string_view bytes);

/// RAII around an iconv_t conversion descriptor. Not thread-safe; one per thread.
class Iconv {
 public:
  /// Throws core::ArgumentError if the C library has no such conversion.
  Iconv(const char* to_code, const char* from_code);
  ~Iconv();
  Iconv(const Iconv&) = delete;
  Iconv& operator=(const Iconv&) = delete;

  /// Converts a whole text. Throws core::InputError naming the byte offset of the first byte
  /// sequence that is invalid in the source encoding, or, from UTF-8, the first character the
  /// target cannot represent (its code point, the character and its byte offset). `in_offset`
  /// is where `in` starts in the whole text, added to the offsets reported.
  std::string convert(std::string_view in, std::size_t in_offset = 0);

 private:
  iconv_t m_cd;
  std::string m_from;
  std::string m_to;
};

/// CP932 bytes to UTF-8. Throws core::InputError (byte offset in the message) on invalid input.
std::string cp932_to_utf8(std::string_view cp932);

/// UTF-8 to CP932 (for tests and for users who need Excel-compatible exports). Throws
/// core::InputError naming the code point of the first character CP932 cannot represent
/// ("U+20BB7 '𠮷' at byte offset 3 has no CP932 code ..."), and "invalid UTF-8" only for
/// input that is not UTF-8. Microsoft's table: NEC row 13 (①) and the IBM extensions (髙 FBFC,
/// 﨑 FAB1) are used, FULLWIDTH TILDE ～ is 8160.
std::string utf8_to_cp932(std::string_view utf8);

}  // namespace caremap::io
