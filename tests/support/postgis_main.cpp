// main() of the PostGIS test executables. They run against the private server of the CTest
// fixture "postgis" (tests/support/postgis_server), which writes "ready" and its port, or
// "unavailable: <why>", to $CAREMAP_PG_STATUS (a file in the server's socket folder). With a
// ready server, main() points libpq's environment at it (PGHOST, PGPORT, PGUSER, PGDATABASE;
// a PGSERVICE or PGPASSWORD of the user's is dropped), so the tests connect with "PG:".
// Without one the executable does not run its tests: under CI=true it fails, elsewhere it exits
// 77, which CTest reports as skipped (SKIP_RETURN_CODE). Listing the tests
// (catch_discover_tests at build time) needs no server.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <string_view>

namespace {

constexpr int kSkipped = 77;

// "ready" after pointing the environment at the server, else why not.
std::string connect_to_server() {
  const char* file = std::getenv("CAREMAP_PG_STATUS");
  if (file == nullptr) {
    return "unavailable: CAREMAP_PG_STATUS is not set (run these tests through ctest)";
  }
  std::ifstream in(file);
  std::string status;
  std::string port;
  if (!std::getline(in, status)) {
    return std::string("unavailable: no server status in ") + file;
  }
  if (status != "ready" || !std::getline(in, port)) {
    return status;
  }
  const std::filesystem::path socket_dir = std::filesystem::path(file).parent_path();
  setenv("PGHOST", socket_dir.c_str(), 1);
  setenv("PGPORT", port.c_str(), 1);
  setenv("PGUSER", "postgres", 1);
  setenv("PGDATABASE", "caremap_test", 1);
  unsetenv("PGSERVICE");
  unsetenv("PGPASSWORD");
  return status;
}

}  // namespace

int main(int argc, char** argv) {
  bool listing = false;
  for (int i = 1; i < argc; ++i) {
    listing = listing || std::string_view(argv[i]).starts_with("--list");
  }
  if (!listing) {
    const std::string status = connect_to_server();
    if (status != "ready") {
      const char* ci = std::getenv("CI");
      const bool in_ci = ci != nullptr && std::string_view(ci) == "true";
      std::cerr << (in_ci ? "FAILED" : "SKIPPED")
                << ": the PostGIS tests need the private PostgreSQL 15 server (" << status << ")\n";
      return in_ci ? 1 : kSkipped;
    }
  }
  return Catch::Session().run(argc, argv);
}
