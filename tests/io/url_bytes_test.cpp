#include "io/url_bytes.hpp"

#include <catch2/catch.hpp>
#include <fstream>

#include "core/error.hpp"
#include "io_test_support.hpp"

using namespace caremap;
using caremap::test::ScratchDir;
using namespace std::chrono_literals;

TEST_CASE("url bytes come from files by path or file:// URL", "[io][url_bytes]") {
  const ScratchDir dir;
  const auto path = dir / "tile.bin";
  {
    std::ofstream out(path, std::ios::binary);
    out << std::string("\x89PNG\0\x01", 6);
  }
  const std::vector<std::uint8_t> want = {0x89, 'P', 'N', 'G', 0x00, 0x01};
  CHECK(io::read_url_bytes(path.string(), 1s) == want);
  CHECK(io::read_url_bytes("file://" + path.string(), 1s) == want);

  const std::string missing = (dir / "missing.png").string();
  try {
    io::read_url_bytes("file://" + missing, 1s);
    FAIL("a missing file must throw");
  } catch (const core::InputError& e) {
    CHECK(std::string(e.what()).find(missing) != std::string::npos);
  }
}

TEST_CASE("an unreachable server is an input error naming the URL", "[io][url_bytes]") {
  // Port 9 on the loopback interface (discard): nothing listens, so the connection is refused.
  const std::string url = "http://127.0.0.1:9/0/0/0.png";
  try {
    io::read_url_bytes(url, 2s);
    FAIL("an unreachable server must throw");
  } catch (const core::InputError& e) {
    CHECK(std::string(e.what()).find(url) != std::string::npos);
  }
}
