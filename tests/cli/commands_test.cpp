#include <catch2/catch.hpp>

#include "cli_helpers.hpp"

TEST_CASE("flow --format json lists nodes and edges - dot is a digraph") {
  auto r = xueshe_run({"flow", "--format", "json"});
  REQUIRE(r.exit_code == 0);
  auto j = parse_out(r);
  CHECK(j["start"] == "graduation_date");  // age and Party first (issue 13)
  CHECK(j["nodes"].size() > 20);
  auto dot = xueshe_run({"flow", "--format", "dot"});
  REQUIRE(dot.exit_code == 0);
  CHECK(dot.out.rfind("digraph xueshe {", 0) == 0);
  CHECK(dot.out.find("\"destination\" -> \"employed.employer_type\" [label=\"employed\"]") != std::string::npos);
  CHECK(dot.out.find("shape=diamond") != std::string::npos);  // the age decision
}

TEST_CASE("check-policy summarizes a good policy") {
  auto r = xueshe_run({"check-policy", source_path("policies/hxci-2022.json")});
  REQUIRE(r.exit_code == 0);
  auto j = parse_out(r);
  CHECK(j["ok"] == true);
  CHECK(j["id"] == "hxci-2022");
  CHECK(j["paths"] == 382);
  CHECK(j["unreachable_nodes"].empty());
  CHECK(j["staff_dates"][1]["clause"] == "三.2①");
}

TEST_CASE("evaluate without --policy uses the built-in 2022 policy - identical to the file") {
  const std::string answers =
      R"({"destination":"employed","graduation_date":"2022-06-30","birth_date":"2000-03-15","party_member":false,)"
      R"("self_employed":false,"employer_classified":false,"civil_servant":true,"employer_has_league_org":true,)"
      R"("receiving_region":"other"})";
  auto builtin = xueshe_run({"evaluate", "--today", "2022-07-01"}, answers);
  auto file = xueshe_run({"evaluate", "--today", "2022-07-01", "--policy", source_path("policies/hxci-2022.json")}, answers);
  REQUIRE(builtin.exit_code == 0);
  CHECK(builtin.out == file.out);
  auto j = parse_out(builtin);
  CHECK(j["route"] == "employer_org");
  CHECK(j["deadlines"][1]["clause"] == "三.2④");
}

TEST_CASE("ask: a questionnaire in the terminal ending in a readable outcome") {
  // Graduation date, birth date (under 28: the Party question is not asked), 4 = unsettled, 1 = keep at school.
  auto r = xueshe_run({"ask", "--today", "2022-09-01"}, "2022-08-31\n2000-03-15\n4\n1\n");
  INFO(r.out);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("毕业离校后，你的去向是？") != std::string::npos);
  CHECK(r.out.find("原就读学校（保留不超过 6 个月）") != std::string::npos);
  CHECK(r.out.find("2023-02-28") != std::string::npos);
  CHECK(r.out.find("还有 180 天") != std::string::npos);
  CHECK(r.out.find("[二.4]") != std::string::npos);
}

TEST_CASE("ask: where it goes when that organization cannot take it - and if it gets stuck - general advice in words") {
  // The national guide alone: employed at a private company without a league organization, received elsewhere (4).
  auto r = xueshe_run({"ask", "--policy", source_path("policies/zhtj-guide-2022.json"), "--today", "2026-07-01"},
                      "2026-06-30\n2004-06-30\n1\n1\n2\n4\n");
  INFO(r.out);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("乡镇（街道）团组织确有接收困难时：县级团委建立的“流动团员团支部”  [指引.2(2)]") != std::string::npos);
  CHECK(r.out.find("== 如果卡住了 ==") != std::string::npos);
  CHECK(r.out.find("[智慧团建.审批]") != std::string::npos);
  CHECK(r.out.find("(一般建议)") != std::string::npos);
  CHECK(r.out.find("    (一般建议) 本工具的一般建议：转接卡住时") != std::string::npos);
  CHECK(r.out.find("一般建议.卡住") == std::string::npos);  // an id, not words
}

TEST_CASE("ask: wrong input is asked again - b goes back - closed input stops cleanly") {
  auto r = xueshe_run({"ask", "--today", "2022-07-01", "--lang", "en"},
                      "2022-06-30\n2000-03-15\n99\nemployed\nb\n7\n");  // dates first; 99: no such option (14 with the named situations); employed; back; 7 = delayed graduation
  INFO(r.out);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("There is no such option") != std::string::npos);
  CHECK(r.out.find("What is your graduation date?") != std::string::npos);
  CHECK(r.out.find("delayed-graduation") != std::string::npos);
  auto closed = xueshe_run({"ask"}, "2022-06-30\n");
  CHECK(closed.exit_code == 1);
}

TEST_CASE("ask: a delayed graduate answers the first question with its numbered option - no date to give") {
  auto r = xueshe_run({"ask", "--today", "2022-07-01", "--lang", "en"}, "1\n");
  INFO(r.out);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("1) Delayed graduation") != std::string::npos);
  CHECK(r.out.find("What is your date of birth?") == std::string::npos);
  CHECK(r.out.find("delayed-graduation") != std::string::npos);
}

TEST_CASE("ask re-asks a date that contradicts an earlier answer") {
  auto r = xueshe_run({"ask", "--today", "2022-07-01"}, "2022-07-01\n2000-01-01\n5\n2022-06-01\n2022-07-15\n");
  INFO(r.out);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("出国（境）日期（2022-06-01）不能早于毕业日期（2022-07-01）") != std::string::npos);
  CHECK(r.out.find("2022-07-15") != std::string::npos);
}
