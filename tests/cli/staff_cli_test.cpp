// `xueshe table` and `xueshe policy draft | check-draft | diff` as processes.
#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>

#include <unistd.h>

#include "cli_helpers.hpp"
#include "xueshe/csv.hpp"

namespace {

std::string temp_path(const std::string& name) {
  auto dir = std::filesystem::temp_directory_path() / ("xueshe-staff-test-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  return (dir / name).string();
}

std::string read_file(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(f), {});
}

}  // namespace

TEST_CASE("table --format csv: a header and one row per path — for a spreadsheet") {
  auto r = xueshe_run({"table", "--format", "csv", "--today", "2022-07-01"});
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.rfind("\xEF\xBB\xBF序号,去向,毕业日期,出生日期,是否党员,是否担任团内职务,", 0) == 0);
  xueshe::CsvTable t = xueshe::read_csv(r.out);
  REQUIRE(t.records.size() == 383);  // header + 382 paths
  std::vector<std::string> header;
  for (std::size_t i = 0; i < t.records[0].count; ++i) header.emplace_back(t.field(t.records[0], i));
  auto col = [&header](const std::string& name) {
    return static_cast<std::size_t>(std::find(header.begin(), header.end(), name) - header.begin());
  };
  REQUIRE(col("路线") < header.size());
  const xueshe::CsvRecord& first = t.records[1];
  CHECK(t.field(first, 0) == "1");
  CHECK(t.field(first, col("去向")) == "已就业");
  CHECK(t.field(first, col("路线")) == "employer_org");
  CHECK(t.field(first, col("完成转接截止")) == "2022-08-31（三.2③）");
  CHECK(t.field(first, col("依据条款")).find("三.2③") != std::string_view::npos);
  for (std::size_t r2 = 1; r2 < t.records.size(); ++r2) CHECK_FALSE(t.field(t.records[r2], col("路线")).empty());
}

TEST_CASE("table --format md: a Markdown table with a title — in either language") {
  auto r = xueshe_run({"table", "--format", "md", "--today", "2022-07-01", "--lang", "en"});
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.rfind("# Decision table: Harbin Institute of Information Technology, 2022 graduates", 0) == 0);
  CHECK(r.out.find("382 paths, one per row") != std::string::npos);
  CHECK(r.out.find("| \\# | Destination | Graduation date |") != std::string::npos);
  CHECK(r.out.find("| Delayed graduation |") != std::string::npos);
  CHECK(r.out.find("| 382 | ") != std::string::npos);
  std::size_t table_lines = 0;
  for (std::size_t at = 0; (at = r.out.find("\n|", at)) != std::string::npos; ++at) ++table_lines;
  CHECK(table_lines == 384);  // header, separator, 382 rows
  auto other = xueshe_run({"table", "--format", "md", "--policy", source_path("tests/policies/example-2025-12m.json")});
  CHECK(other.exit_code == 0);
  CHECK(xueshe_run({"table", "--format", "pdf"}).exit_code == 2);
}

TEST_CASE("table and policy diff in Markdown show a policy's texts as text: no raw HTML — no markup") {
  // The 2022 policy with HTML and Markdown in its title (the table's heading, a
  // value in the diff) and in a clause's text (a changed clause in the diff).
  auto policy = nlohmann::ordered_json::parse(read_file(source_path("policies/hxci-2022.json")));
  const std::string hostile = "<script>alert(1)</script> & <b>x</b> *em* _u_ [l](javascript:x) `c` | ~s~ \\";
  policy["title"]["zh-CN"] = "标题" + hostile;
  policy["title"]["en"] = "Title " + hostile;
  policy["clauses"][1]["text"]["zh-CN"] = "条款" + hostile + "\n第二行";
  const std::string file = temp_path("html-in-texts.json");
  std::ofstream(file, std::ios::binary) << policy.dump(1);
  const std::string escaped =
      "\\<script\\>alert(1)\\</script\\> \\& \\<b\\>x\\</b\\> \\*em\\* \\_u\\_ \\[l\\](javascript:x) \\`c\\` \\| "
      "\\~s\\~ \\\\";

  auto table = xueshe_run({"table", "--format", "md", "--policy", file, "--today", "2022-07-01", "--lang", "en"});
  REQUIRE(table.exit_code == 0);
  CHECK(table.out.rfind("# Decision table: Title " + escaped, 0) == 0);
  auto diff = xueshe_run({"policy", "diff", "hxci-2022", file});
  REQUIRE(diff.exit_code == 0);
  CHECK(diff.out.find("| 二.1 | 有改动：\\[\"text.zh-CN\"\\] |") != std::string::npos);
  CHECK(diff.out.find("| title.zh-CN | 哈尔滨信息工程学院 2022 届毕业生“学社衔接”工作通知 | 标题" + escaped + " |") !=
        std::string::npos);
  CHECK(diff.out.find(" | Title " + escaped + " |") != std::string::npos);
  for (const auto* out : {&table.out, &diff.out}) {
    CHECK(out->find("<script>") == std::string::npos);
    CHECK(out->find("<b>") == std::string::npos);
    CHECK(out->find("*em*") == std::string::npos);
    CHECK(out->find("[l](javascript") == std::string::npos);
  }
  // The JSON forms keep the texts verbatim.
  auto json_diff = xueshe_run({"policy", "diff", "hxci-2022", file, "--format", "json"});
  CHECK(json_diff.out.find("<script>alert(1)</script>") != std::string::npos);
  std::remove(file.c_str());
}

TEST_CASE("policy draft — check-draft and diff: next year's policy from this year's") {
  const std::string draft = temp_path("hxci-2026.json");
  auto d = xueshe_run({"policy", "draft", "--from", "hxci-2022", "--cohort", "2026", "-o", draft});
  INFO(d.err);
  REQUIRE(d.exit_code == 0);
  CHECK(d.err.find("草稿已写到") != std::string::npos);
  auto doc = nlohmann::json::parse(read_file(draft));
  CHECK(doc["id"] == "hxci-2026");
  CHECK(doc["cohort"] == 2026);
  CHECK(doc["deadlines"][1]["date"] == "2026-08-31");
  CHECK(doc["unverified"].size() > 20);
  // The same draft on stdout, byte for byte.
  auto to_stdout = xueshe_run({"policy", "draft", "--from", source_path("policies/hxci-2022.json"), "--cohort", "2026"});
  CHECK(to_stdout.out == read_file(draft));

  auto check = xueshe_run({"policy", "check-draft", draft});
  REQUIRE(check.exit_code == 0);
  auto c = parse_out(check);
  CHECK(c["ok"] == true);
  CHECK(c["cohort"] == 2026);
  CHECK(c["unverified"][0]["path"] == "title.zh-CN");
  CHECK(check.err.find("草稿可以加载") != std::string::npos);
  auto finished = xueshe_run({"policy", "check-draft", "hxci-2022"});
  CHECK(finished.exit_code == 0);
  CHECK(parse_out(finished)["unverified"].empty());

  auto diff = xueshe_run({"policy", "diff", "hxci-2022", draft, "--format", "json"});
  REQUIRE(diff.exit_code == 0);
  auto j = parse_out(diff);
  bool listed = false;
  for (const auto& v : j["values"]) listed = listed || (v["path"] == "deadlines[2].date" && v["a"] == "2022-10-01" && v["b"] == "2026-10-01");
  CHECK(listed);
  CHECK(j["paths"]["total"] == 382);
  CHECK(j["paths"]["changed"].get<int>() > 0);
  auto md = xueshe_run({"policy", "diff", "hxci-2022", draft});
  REQUIRE(md.exit_code == 0);
  CHECK(md.out.rfind("# 政策比较：hxci-2022 → hxci-2026", 0) == 0);
  CHECK(md.out.find("| deadlines\\[2\\].date | 2022-10-01 | 2026-10-01 |") != std::string::npos);
  CHECK(md.out.find("只是日期整体随届别移动了 4 年") != std::string::npos);
  CHECK(md.out.find("注意：政策“hxci-2026”是草稿") != std::string::npos);
  std::remove(draft.c_str());
}

TEST_CASE("policy tools: bad input is an error naming what is wrong (exit 2)") {
  auto unknown = xueshe_run({"policy", "draft", "--from", "no-such-policy", "--cohort", "2026"});
  CHECK(unknown.exit_code == 2);
  CHECK(parse_out(unknown)["error"]["code"] == "unknown_source");
  auto cohort = xueshe_run({"policy", "draft", "--from", "hxci-2022", "--cohort", "1800"});
  CHECK(cohort.exit_code == 2);
  CHECK(parse_out(cohort)["error"]["code"] == "draft_cohort");
  auto broken = xueshe_run({"policy", "check-draft", source_path("tests/policies/broken/missing-key.json")});
  CHECK(broken.exit_code == 2);
  CHECK(parse_out(broken)["error"]["code"] == "policy_missing_key");
  auto diff = xueshe_run({"policy", "diff", "hxci-2022", source_path("tests/policies/broken/missing-key.json"), "--lang", "en"});
  CHECK(diff.exit_code == 2);
  CHECK(parse_out(diff)["error"]["file"] == source_path("tests/policies/broken/missing-key.json"));
  CHECK(xueshe_run({"policy"}).exit_code == 2);
}
