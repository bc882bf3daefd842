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
