// PostGIS source names without a server: recognising "PG:" sources, hiding passwords wherever a
// source is named, resolving sources against a project folder, quoting table names.
#include <catch2/catch.hpp>

#include "core/error.hpp"
#include "io/io_test_support.hpp"
#include "io/postgis.hpp"
#include "io/read.hpp"

using namespace caremap;

TEST_CASE("PG: sources are recognised, files are not", "[io][postgis]") {
  CHECK(io::is_postgis_source(std::string("PG:")));
  CHECK(io::is_postgis_source(std::string("pg:service=caremap")));
  CHECK(io::is_postgis_source(std::filesystem::path("PG:dbname=care host=db")));
  CHECK_FALSE(io::is_postgis_source(std::string("hospitals.csv")));
  CHECK_FALSE(io::is_postgis_source(std::string("data/PG:x.csv")));
  CHECK_FALSE(io::is_postgis_source(std::string("P")));
}

TEST_CASE("redact_passwords hides every form of password libpq accepts", "[io][postgis]") {
  const auto r = [](std::string_view s) { return io::redact_passwords(s); };
  CHECK(r("PG:dbname=care password=s3cret host=db") == "PG:dbname=care password=*** host=db");
  CHECK(r("PG:password=s3cret") == "PG:password=***");
  CHECK(r("PG:PASSWORD = s3cret user=a") == "PG:PASSWORD = *** user=a");
  CHECK(r("PG:password='it''s a secret' user=a") == "PG:password=*** user=a");
  CHECK(r(R"(PG:password='back\'slash secret' user=a)") == "PG:password=*** user=a");
  CHECK(r("PG:password='never closed") == "PG:password=***");
  CHECK(r("PG:postgresql://planner:s3cret@db.local:5432/care") ==
        "PG:postgresql://planner:***@db.local:5432/care");
  CHECK(r("postgres://planner:p@ss@db/care") == "postgres://planner:***@db/care");
  CHECK(r("postgresql://db/care?user=a&password=s3cret") ==
        "postgresql://db/care?user=a&password=***");
  // Two sources in one message, and text around them.
  CHECK(r("cannot open 'PG:password=a1' nor 'PG:password=b2'") ==
        "cannot open 'PG:password=*** nor 'PG:password=***");
  // Nothing to hide: unchanged.
  CHECK(r("PG:service=caremap") == "PG:service=caremap");
  CHECK(r("postgresql://planner@db/care") == "postgresql://planner@db/care");
  CHECK(r("oldpassword=x") == "oldpassword=x");
  CHECK(r("passwords are set elsewhere") == "passwords are set elsewhere");
  CHECK(r("") == "");
}

TEST_CASE("a source is shown redacted and resolved only when it is a file", "[io][postgis]") {
  CHECK(io::source_display_name("PG:dbname=x password=y") == "PG:dbname=x password=***");
  CHECK(io::source_display_name("a/password=y.csv") == "a/password=y.csv");
  CHECK(io::resolve_source("PG:service=a", "/data") == std::filesystem::path("PG:service=a"));
  CHECK(io::resolve_source("b/c.csv", "/data") == std::filesystem::path("/data/b/c.csv"));
  CHECK(io::resolve_source("/abs.csv", "/data") == std::filesystem::path("/abs.csv"));
}

TEST_CASE("table names are quoted as identifiers, a schema kept apart", "[io][postgis]") {
  CHECK(io::quote_table_name("edges") == "\"edges\"");
  CHECK(io::quote_table_name("care.edges") == "\"care\".\"edges\"");
  CHECK(io::quote_table_name("we\"ird") == "\"we\"\"ird\"");
}

TEST_CASE("a PostGIS source that cannot be reached is named without its password",
          "[io][postgis]") {
  // No server listens on this socket directory: the connection fails at once.
  test::ScratchDir dir;
  const std::string source =
      "PG:host=" + dir.path().string() + " port=1 dbname=none user=nobody password=TopSecret42";
  io::ReadOptions o;
  o.source_layer = "hospitals";
  try {
    io::read_file(source, o, crs::CrsRef::from_epsg(6670));
    FAIL("read_file should have thrown");
  } catch (const core::InputError& e) {
    const std::string message = e.what();
    CHECK(message.find("TopSecret42") == std::string::npos);
    CHECK(message.find("password=***") != std::string::npos);
    CHECK(message.find("dbname=none") != std::string::npos);
  }
}
