// `xueshe policy split NOTICE.txt` as a process: the seed notice's clauses and
// dates, stdin, and the errors in the user's language.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include <unistd.h>

#include "cli_helpers.hpp"

using nlohmann::json;

namespace {

std::string temp_file(const std::string& name, const std::string& bytes) {
  auto dir = std::filesystem::temp_directory_path() / ("xueshe-split-test-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const std::string path = (dir / name).string();
  std::ofstream(path, std::ios::binary) << bytes;
  return path;
}

const json* find_clause(const json& body, const std::string& id) {
  for (const auto& c : body["clauses"])
    if (c["id"] == id) return &c;
  return nullptr;
}

std::vector<std::string> dates_under(const json& body, const std::string& clause) {
  std::vector<std::string> out;
  for (const auto& v : body["values"])
    if (v["kind"] == "date" && v["clause"] == clause) out.push_back(v["value"].get<std::string>());
  return out;
}

}  // namespace

TEST_CASE("policy split: the seed notice's 二.1–二.8 — 三.1 — 三.2 with ①–④ — and its four dates under their clauses") {
  auto r = xueshe_run({"policy", "split", source_path("tests/notices/00-hxci-2022.txt")});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const json body = parse_out(r);
  REQUIRE(body.is_object());
  for (const char* id : {"二.1", "二.2", "二.3", "二.4", "二.5", "二.6", "二.7", "二.8", "三.1", "三.2", "三.2①", "三.2②",
                         "三.2③", "三.2④"}) {
    INFO(id);
    const json* c = find_clause(body, id);
    REQUIRE(c);
    CHECK_FALSE((*c)["text"].get<std::string>().empty());
    CHECK(c->size() == 3);  // id, title, text
  }
  CHECK(dates_under(body, "三.1") == std::vector<std::string>{"2022-05-30"});
  CHECK(dates_under(body, "三.2") == std::vector<std::string>{"2022-08-31", "2022-10-31"});
  CHECK(dates_under(body, "三.2①") == std::vector<std::string>{"2022-05-30"});
  CHECK(dates_under(body, "三.2③") == std::vector<std::string>{"2022-08-31"});
  CHECK(dates_under(body, "三.2④") == std::vector<std::string>{"2022-10-01"});
  for (const auto& v : body["values"]) {
    CHECK(v.contains("words"));
    CHECK(find_clause(body, v["clause"].get<std::string>()));
  }
  CHECK(body["notice"]["year"] == 2022);
}

TEST_CASE("policy split: - reads the notice from stdin — and gives the same JSON") {
  const std::string text = "一、时间\n1. 毕业生于2025年8月31日前提出申请。\n";
  auto from_stdin = xueshe_run({"policy", "split", "-"}, text);
  REQUIRE(from_stdin.exit_code == 0);
  auto from_file = xueshe_run({"policy", "split", temp_file("n.txt", text)});
  CHECK(from_stdin.out == from_file.out);
  CHECK(parse_out(from_stdin)["values"][0]["value"] == "2025-08-31");
}

TEST_CASE("policy split: bad notices are errors naming the notice — in the user's language") {
  auto zh = xueshe_run({"policy", "split", temp_file("gbk.txt", "\xd2\xbb\xa1\xa2\xd7\xdc\xd4\xf2\n")});  // 一、总则 in GBK
  expect_error(zh, "notice_not_utf8", "notice");
  auto en = xueshe_run({"policy", "split", temp_file("gbk.txt", "\xd2\xbb\xa1\xa2\xd7\xdc\xd4\xf2\n"), "--lang", "en"});
  expect_error(en, "notice_not_utf8", "notice");
  CHECK(parse_out(en)["error"]["message"] != parse_out(zh)["error"]["message"]);
  CHECK(parse_out(en)["error"]["message"].get<std::string>().find("line 1") != std::string::npos);

  expect_error(xueshe_run({"policy", "split", temp_file("big.txt", std::string(1024 * 1024 + 1, 'a'))}),
               "notice_too_large", "notice");
  expect_error(xueshe_run({"policy", "split", temp_file("empty.txt", "\n\n")}), "notice_empty", "notice");
  expect_error(xueshe_run({"policy", "split", source_path("tests/notices/no-such-notice.txt")}), "notice_unreadable",
               "notice");
  expect_error(xueshe_run({"policy", "split", source_path("tests/notices")}), "notice_is_folder", "notice");
  expect_error(xueshe_run({"policy", "split", source_path("tests/notices/00-hxci-2022.txt"), "--lang", "fr"}), "bad_lang",
               "lang");
}
