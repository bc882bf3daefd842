#include "io/text_encoding.hpp"

#include <catch2/catch.hpp>

#include "core/error.hpp"
#include "io/io_test_support.hpp"

using namespace caremap;

TEST_CASE("UTF-8 validation is strict", "[io][encoding]") {
  CHECK(io::is_valid_utf8("plain ASCII"));
  CHECK(io::is_valid_utf8("宗像医師会病院"));
  CHECK(io::is_valid_utf8("\xF0\x9F\x8F\xA5"));        // U+1F3E5 hospital emoji
  CHECK_FALSE(io::is_valid_utf8("\xC0\xAF"));          // overlong '/'
  CHECK_FALSE(io::is_valid_utf8("\xED\xA0\x80"));      // surrogate U+D800
  CHECK_FALSE(io::is_valid_utf8("\xF4\x90\x80\x80"));  // above U+10FFFF
  CHECK_FALSE(io::is_valid_utf8("\xE5\xAE"));          // truncated
  CHECK(io::first_invalid_utf8("ab\x93\xfa") == 2u);   // CP932 「日」 after "ab"
}

TEST_CASE("UTF-8 validation finds the first bad byte at every offset of long ASCII runs",
          "[io][encoding]") {
  // The scan skips ASCII eight bytes at a time: a bad byte or a character cut at the end must be
  // found wherever it falls in or after such a word.
  for (std::size_t at = 0; at < 40; ++at) {
    std::string text(at, 'a');
    CHECK_FALSE(io::first_invalid_utf8(text + "0123456789").has_value());
    CHECK(io::first_invalid_utf8(text + "\x93\xfa" + std::string(17, 'b')) == at);
    CHECK(io::first_invalid_utf8(text + "\xE5\xAE") == at);
    CHECK(io::is_valid_utf8(text + "宗像" + std::string(at % 9, 'c')));
  }
}

TEST_CASE("BOM and encoding detection", "[io][encoding]") {
  const std::string bom = "\xEF\xBB\xBF";
  CHECK(io::has_utf8_bom(bom + "id,name"));
  CHECK(io::strip_utf8_bom(bom + "id") == "id");
  CHECK(io::strip_utf8_bom("id") == "id");
  CHECK(io::detect_encoding(bom + "名称") == io::TextEncoding::utf8);
  CHECK(io::detect_encoding("ascii only") == io::TextEncoding::utf8);
  CHECK(io::detect_encoding("\x96\xbc\x8f\xcc") == io::TextEncoding::cp932);  // 名称 in CP932
  CHECK(io::parse_encoding("shift_jis") == io::TextEncoding::cp932);
  CHECK(io::parse_encoding("utf8") == io::TextEncoding::utf8);
  CHECK_FALSE(io::parse_encoding("latin1").has_value());
}

TEST_CASE("CP932 to UTF-8 matches the system iconv", "[io][encoding]") {
  test::ScratchDir dir;
  const std::string text = "宗像医師会病院,福津市,①～③,髙橋\n";  // ① ～ 髙: CP932-only forms
  test::write_text(dir / "utf8.txt", text);
  test::iconv_file(dir / "utf8.txt", dir / "cp932.txt", "CP932");
  const std::string cp932 = test::read_text(dir / "cp932.txt");
  REQUIRE(cp932 != text);
  CHECK_FALSE(io::is_valid_utf8(cp932));
  CHECK(io::cp932_to_utf8(cp932) == text);
  CHECK(io::utf8_to_cp932(text) == cp932);
  CHECK_THROWS_WITH(io::cp932_to_utf8("ok\x81"), Catch::Contains("byte offset 2"));
}

TEST_CASE(
    "CP932 to UTF-8 copies ASCII lines and converts the lines between the first and last "
    "high byte, offsets counted in the whole text",
    "[io][encoding]") {
  // 宗像 in CP932 is 8F 40 91 9C: 0x40 ('@') is a trail byte inside a character.
  const std::string cp932 = "KEY,T\n\x8F\x40\x91\x9C,x@\n1,2\n3,\x8F\x40\n4,5\n";
  CHECK(io::cp932_to_utf8(cp932) == "KEY,T\n宗像,x@\n1,2\n3,宗\n4,5\n");
  CHECK(io::cp932_to_utf8("a\nb\n") == "a\nb\n");
  CHECK(io::cp932_to_utf8("\xB1\xB2") == "ｱｲ");  // half-width kana, no line feed at all
  // The broken lead byte is at offset 10 of the whole text, not of the converted lines.
  CHECK_THROWS_WITH(io::cp932_to_utf8("1,2\n3,4\n\x8F\x40\x81\n5\n"),
                    Catch::Contains("byte offset 10"));
}

// Fixed CP932 bytes from Microsoft's table (glibc's WINDOWS-31J charmap lists the same), not from
// the iconv under test: NEC row 13, the IBM extensions, FULLWIDTH TILDE and half-width kana.
TEST_CASE("CP932 bytes of the characters Japanese facility lists use", "[io][encoding]") {
  struct Case {
    const char* utf8;
    const char* cp932;
    const char* what;
  };
  const std::vector<Case> cases{
      {"\xE2\x91\xA0", "\x87\x40", "① U+2460, NEC special row 13"},
      {"\xEF\xBD\x9E", "\x81\x60", "～ U+FF5E FULLWIDTH TILDE (Shift_JIS has U+301C here)"},
      {"\xE9\xAB\x99", "\xFB\xFC", "髙 U+9AD9, IBM extension"},
      {"\xEF\xA8\x91", "\xFA\xB1", "﨑 U+FA11, IBM extension"},
      {"\xEF\xBD\xB1", "\xB1", "ｱ U+FF71, half-width katakana"},
  };
  for (const auto& c : cases) {
    INFO(c.what);
    CHECK(io::utf8_to_cp932(c.utf8) == c.cp932);
    CHECK(io::cp932_to_utf8(c.cp932) == c.utf8);
  }
  // The NEC-selected IBM extension codes read as the same characters (one way only).
  CHECK(io::cp932_to_utf8("\xEE\xE0") == "\xE9\xAB\x99");  // 髙
  CHECK(io::cp932_to_utf8("\xED\x95") == "\xEF\xA8\x91");  // 﨑
  CHECK(io::utf8_to_cp932("髙橋 ① ｱ") == "\xFB\xFC\x8B\xB4 \x87\x40 \xB1");
}

TEST_CASE("a character CP932 lacks is named, not called invalid UTF-8", "[io][encoding]") {
  // 𠮷 (U+20BB7, the 吉 of many family names) and an emoji are valid UTF-8 with no CP932 code.
  const auto message = [](std::string_view text) {
    try {
      io::utf8_to_cp932(text);
    } catch (const core::InputError& e) {
      return std::string(e.what());
    }
    return std::string("(no error)");
  };
  const std::string yoshi = message("髙\xF0\xA0\xAE\xB7野");
  CHECK_THAT(yoshi, Catch::Contains("U+20BB7") && Catch::Contains("\xF0\xA0\xAE\xB7") &&
                        Catch::Contains("byte offset 3") && Catch::Contains("no CP932 code"));
  CHECK_THAT(yoshi, !Catch::Contains("invalid"));
  CHECK_THAT(message("ok \xF0\x9F\x8F\xA5"), Catch::Contains("U+1F3E5"));
  // Broken UTF-8 is still called that.
  CHECK_THAT(message("ab\xE5\xAE"),
             Catch::Contains("invalid UTF-8") && Catch::Contains("byte offset 2"));
  CHECK_THAT(message("ab\xC0\xAFz"), Catch::Contains("invalid UTF-8"));
}
