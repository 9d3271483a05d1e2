// The policy studio's core: a studio file started from a split notice, the
// split's corrections, and the policy file built from the form, checked, with
// errors named by the form field in words.
#include <catch2/catch.hpp>

#include "test_policies.hpp"
#include "xueshe/decision_table.hpp"
#include "xueshe/engine.hpp"
#include "xueshe/notice_names.hpp"
#include "xueshe/notice_split_json.hpp"
#include "xueshe/policy_draft.hpp"
#include "xueshe/policy_studio.hpp"

using namespace xueshe;
using nlohmann::ordered_json;

namespace {

std::string seed_split() {
  const std::string text = read_text(std::string(XUESHE_SOURCE_DIR) + "/tests/notices/00-hxci-2022.txt");
  REQUIRE_FALSE(text.empty());
  return notice_split_body(text, Lang::zh_CN).dump();
}

std::vector<std::string> ids(const ordered_json& clauses) {
  std::vector<std::string> out;
  for (const auto& c : clauses) out.push_back(c["id"].get<std::string>());
  return out;
}

ordered_json edit(const ordered_json& clauses, const ordered_json& op, Lang lang = Lang::zh_CN) {
  return studio_edit_clauses(clauses.dump(), op.dump(), lang);
}

// A small studio file on the national layer: one destination, one route, no named rules (the form's own values,
// in place of what the notice's words propose).
ordered_json small_studio() {
  ordered_json s = studio_start("cn-league", seed_split(), "2026-12-01", Lang::zh_CN);
  s["policy"].erase("rules");
  s["unverified"] = ordered_json::array({"title", "cohort", "notice_date"});
  s["policy"]["id"] = "test-school-2022";
  s["policy"]["school"] = "测试学院";
  s["policy"]["ask_whom"] = {{"text", "所在学院团总支"}, {"clause", "三.1"}};
  s["policy"]["destinations"] = {{"military", {{"clause", "二.3"}, {"route", "special_unit_pool"}}}};
  s["policy"]["routes"] = {{"special_unit_pool",
                            {{"clause", "二.3"}, {"transfers", true}, {"ask_region", false},
                             {"org", "特殊单位专属库"}, {"started_by", "原就读学校团组织或团员本人"}, {"steps", ordered_json::array()}}}};
  return s;
}

}  // namespace

TEST_CASE("studio: a new studio file takes the split's clauses and proposes the title — cohort — notice date and what its words name") {
  const ordered_json s = studio_start("cn-league", seed_split(), "2026-12-01", Lang::zh_CN);
  REQUIRE(s["studio"] == 1);
  CHECK(s["base"] == "cn-league");
  const auto list = ids(s["clauses"]);
  for (const char* id : {"二.1", "二.8", "三.1", "三.2", "三.2①", "三.2④", "三.5"})
    CHECK(std::find(list.begin(), list.end(), id) != list.end());
  CHECK(s["policy"]["title"] == "关于做好哈尔滨信息工程学院2022届毕业生“学社衔接”工作的通知");
  CHECK(s["policy"]["cohort"] == 2022);
  CHECK(s["policy"]["notice_date"] == "2022-05-16");
  CHECK(s["policy"]["last_verified"] == "2026-12-01");
  // What its words name, proposed (the national layer says none of it): each destination's clause by its heading,
  // the unsettled's bases in the notice's order, each named rule where the notice says it.
  const ordered_json& d = s["policy"]["destinations"];
  CHECK(d["employed"]["clause"] == "二.1");
  CHECK(d["further_study"]["clause"] == "二.2");
  CHECK(d["military"]["clause"] == "二.3");
  CHECK(d["unsettled"]["clause"] == "二.4");
  CHECK(d["unsettled"]["bases"] == ordered_json{{"value", {"residence", "hukou", "origin"}}, {"clause", "二.4"}});
  CHECK(d["study_abroad"]["clause"] == "二.5");
  CHECK(d["work_abroad"]["clause"] == "二.6");
  CHECK(d["delayed_graduation"]["clause"] == "二.7");
  CHECK(s["policy"]["rules"] == ordered_json{{"edit_until_accepted", "三.2"}, {"second_transfer", "二.8"}, {"classified_as_military", "二.3"},
                                             {"higher_notice_prevails", "三.5"}, {"youth_home_alternative", "二.1"}});
  CHECK(s["unverified"] == ordered_json::array({"title", "cohort", "notice_date", "destinations.employed.clause",
                                                "destinations.further_study.clause", "destinations.military.clause",
                                                "destinations.unsettled.clause", "destinations.unsettled.bases",
                                                "destinations.study_abroad.clause", "destinations.work_abroad.clause",
                                                "destinations.delayed_graduation.clause", "rules.edit_until_accepted",
                                                "rules.second_transfer", "rules.classified_as_military",
                                                "rules.higher_notice_prevails", "rules.youth_home_alternative"}));
}

TEST_CASE("studio: what the base says already is carried over — not proposed from the notice's words") {
  // Last year's policy as the base: it names every destination's clause and every rule.
  const ordered_json s = studio_start("hxci-2022", seed_split(), "2026-12-01", Lang::zh_CN);
  CHECK_FALSE(s["policy"].contains("destinations"));
  CHECK_FALSE(s["policy"].contains("rules"));
  CHECK(s["unverified"] == ordered_json::array({"title", "cohort", "notice_date"}));
  // A base given as a file: the guide version says the military's clause and the classified rule, so only the rest
  // is proposed.
  const std::string guide = read_text(std::string(XUESHE_SOURCE_DIR) + "/policies/zhtj-guide-pre2022.json");
  const PolicyTexts files = [&guide](const std::string& id) -> std::optional<std::string> {
    return id == "zhtj-guide-pre2022" ? std::optional<std::string>(guide) : std::nullopt;
  };
  const ordered_json g = studio_start("zhtj-guide-pre2022", seed_split(), "2026-12-01", Lang::zh_CN, files);
  const ordered_json& gp = g["policy"];
  CHECK_FALSE((gp.contains("destinations") && gp["destinations"].contains("military")));
  REQUIRE(gp.contains("rules"));
  CHECK_FALSE(gp["rules"].contains("classified_as_military"));
  CHECK(gp["rules"]["second_transfer"] == "二.8");
}

TEST_CASE("studio: the notice's words for destinations — rules and bases") {
  const ordered_json clauses = ordered_json::array(
      {{{"id", "一(2)"}, {"title", "离校时未落实就业去向的毕业生团员"}, {"text", "转至实际居住地或父母居住地、户籍所在地的社区团组织。"}},
       {{"id", "一(4)"}, {"title", "出国留学和出境学习的毕业生团员"}, {"text", "保留在原就读学校。"}},
       {{"id", "一(5)"}, {"title", "参军入伍"}, {"text", "涉密单位参照执行；如有变动以上级通知为准。"}}});
  const std::vector<NamedInNotice> named = notice_named_things(clauses);
  std::vector<std::string> paths;
  for (const auto& n : named) paths.push_back(n.path + "=" + n.value.dump());
  CHECK(paths == std::vector<std::string>{"destinations.military.clause=\"一(5)\"", "destinations.unsettled.clause=\"一(2)\"",
                                          "destinations.unsettled.bases={\"value\":[\"actual_residence\",\"parents_residence\",\"hukou\"],\"clause\":\"一(2)\"}",
                                          "destinations.study_abroad.clause=\"一(4)\"", "rules.classified_as_military=\"一(5)\"",
                                          "rules.higher_notice_prevails=\"一(5)\""});
  CHECK(notice_named_things(ordered_json::array({{{"id", "全文"}, {"title", "关于某事的通知"}, {"text", "没有编号。"}}})).empty());
  CHECK(notice_named_things(ordered_json("not clauses")).empty());
}

TEST_CASE("studio: a split that is an error starts nothing") {
  const ordered_json s = studio_start("cn-league", notice_split_body("", Lang::zh_CN).dump(), "2026-12-01", Lang::en);
  REQUIRE(s.contains("error"));
  CHECK(s["error"]["code"] == "studio_no_split");
  CHECK(s["error"]["message"].get<std::string>().find("Split") != std::string::npos);
}

TEST_CASE("studio: the split is corrected by merging — splitting — renumbering and removing clauses") {
  const ordered_json clauses = ordered_json::array({{{"id", "1"}, {"title", "甲"}, {"text", "第一句。第二句。"}},
                                                    {{"id", "2"}, {"title", "乙"}, {"text", "第三句。"}}});
  SECTION("merge joins the next clause's text") {
    const ordered_json r = edit(clauses, {{"op", "merge"}, {"at", 0}});
    REQUIRE(r.contains("clauses"));
    CHECK(ids(r["clauses"]) == std::vector<std::string>{"1"});
    CHECK(r["clauses"][0]["text"] == "第一句。第二句。\n第三句。");
    CHECK(r["renamed"] == ordered_json{{"from", "2"}, {"to", "1"}});
  }
  SECTION("split at a character (not a byte) makes a new clause after it") {
    const ordered_json r = edit(clauses, {{"op", "split"}, {"at", 0}, {"chars", 4}, {"id", "1.5"}});
    REQUIRE(r.contains("clauses"));
    CHECK(ids(r["clauses"]) == std::vector<std::string>{"1", "1.5", "2"});
    CHECK(r["clauses"][0]["text"] == "第一句。");
    CHECK(r["clauses"][1]["text"] == "第二句。");
    CHECK(r["clauses"][1]["title"] == "第二句。");
  }
  SECTION("a split's title is cut between characters, never inside one") {
    const ordered_json long_text = ordered_json::array({{{"id", "1"}, {"title", "甲"}, {"text", "开头。" + std::string(30, 'x') + "在国(境)外工作，工作(派遣)单位在境内无常设机构的，应转接到本人户籍所在地村(社区)团组织。"}}});
    const ordered_json r = edit(long_text, {{"op", "split"}, {"at", 0}, {"chars", 33}, {"id", "罗湖.一(1)境外"}});
    REQUIRE(r.contains("clauses"));
    CHECK(r["clauses"][1]["title"] == "在国(境)外工作，工作(派遣)单位在境内无常设机构的，应转接到本人户籍所在地村(");
    CHECK_NOTHROW(r.dump());
  }
  SECTION("renumber") {
    const ordered_json r = edit(clauses, {{"op", "renumber"}, {"at", 1}, {"id", "三.3"}});
    CHECK(ids(r["clauses"]) == std::vector<std::string>{"1", "三.3"});
    CHECK(r["renamed"] == ordered_json{{"from", "2"}, {"to", "三.3"}});
  }
  SECTION("remove") {
    CHECK(ids(edit(clauses, {{"op", "remove"}, {"at", 0}})["clauses"]) == std::vector<std::string>{"2"});
  }
  SECTION("a duplicate, empty or spaced id is refused, naming the id") {
    const ordered_json dup = edit(clauses, {{"op", "renumber"}, {"at", 1}, {"id", "1"}});
    CHECK(dup["error"]["code"] == "studio_duplicate_clause_id");
    CHECK(dup["error"]["field"] == "clauses[1]");
    CHECK(dup["error"]["message"].get<std::string>().find("“1”") != std::string::npos);
    CHECK(edit(clauses, {{"op", "renumber"}, {"at", 0}, {"id", " "}})["error"]["code"] == "studio_bad_clause_id");
    CHECK(edit(clauses, {{"op", "split"}, {"at", 0}, {"chars", 2}, {"id", "a b"}})["error"]["code"] == "studio_bad_clause_id");
  }
  SECTION("out of range, a split at an edge and an unknown op are errors, not crashes") {
    CHECK(edit(clauses, {{"op", "merge"}, {"at", 1}})["error"]["code"] == "studio_no_clause");
    CHECK(edit(clauses, {{"op", "remove"}, {"at", 9}})["error"]["code"] == "studio_no_clause");
    CHECK(edit(clauses, {{"op", "split"}, {"at", 0}, {"chars", 0}, {"id", "x"}})["error"]["code"] == "studio_bad_split");
    CHECK(edit(clauses, {{"op", "split"}, {"at", 0}, {"chars", 99}, {"id", "x"}})["error"]["code"] == "studio_bad_split");
    CHECK(edit(clauses, {{"op", "shuffle"}, {"at", 0}})["error"]["code"] == "studio_bad_edit");
    CHECK(studio_edit_clauses("not json", "{}", Lang::zh_CN)["error"]["code"] == "studio_bad_edit");
  }
}

TEST_CASE("studio: the form builds a policy file that loads — with both languages and the proposed values unverified") {
  ordered_json s = small_studio();
  ordered_json r = studio_build(s.dump(), nullptr, Lang::zh_CN);
  INFO(r.dump());
  REQUIRE(r["error"].is_null());
  CHECK_FALSE(r["finished"].get<bool>());
  CHECK(r["unverified"] == ordered_json::array({"title", "cohort", "notice_date"}));
  const ordered_json file = ordered_json::parse(r["policy_text"].get<std::string>());
  CHECK(file["extends"] == "cn-league");
  CHECK(file["layer"] == "school");
  CHECK(file["school"] == ordered_json{{"zh-CN", "测试学院"}, {"en", "测试学院"}});
  CHECK(file["routes"]["special_unit_pool"]["org"]["zh-CN"] == "特殊单位专属库");
  CHECK(file["clauses"][3]["title"]["zh-CN"] == "二.1 已落实工作单位(含自主创业)的毕业生团员");
  CHECK_FALSE(file.contains("situations"));  // a section nobody filled is left out

  s["unverified"] = ordered_json::array({"cohort", "routes.nowhere.org"});  // the title and date confirmed; a stale path
  r = studio_build(s.dump(), nullptr, Lang::zh_CN);
  CHECK(r["unverified"] == ordered_json::array({"cohort"}));
  s["unverified"] = ordered_json::array();
  r = studio_build(s.dump(), nullptr, Lang::zh_CN);
  CHECK(r["finished"].get<bool>());
  const DraftAwareLoad load = load_policy_or_draft(r["policy_text"].get<std::string>());
  REQUIRE(load.policy);
  const Engine engine(std::move(*load.policy));
  bool military = false;
  for (const TableRow& row : decision_table(engine, *parse_iso_date("2022-06-01"), Lang::zh_CN).rows)
    if (row.route == "special_unit_pool") military = row.org == "特殊单位专属库";
  CHECK(military);
}

TEST_CASE("studio: a new route without steps has none — a base's route keeps the base's steps") {
  ordered_json s = small_studio();
  s["policy"]["routes"]["special_unit_pool"].erase("steps");
  s["policy"]["routes"]["not_covered"] = {{"org", "通知没有写到：先问学院团总支"}};
  const ordered_json r = studio_build(s.dump(), nullptr, Lang::zh_CN);
  INFO(r.dump());
  REQUIRE(r["error"].is_null());
  const ordered_json file = ordered_json::parse(r["policy_text"].get<std::string>());
  CHECK(file["routes"]["special_unit_pool"]["steps"] == ordered_json::array());
  CHECK_FALSE(file["routes"]["not_covered"].contains("steps"));  // cn-league defines it
  CHECK_FALSE(file.contains("region"));  // not given: the base's
}

TEST_CASE("studio: a null the author wrote removes what the base says — kept in the file and unverified until confirmed") {
  // On the 2022 guide version (its chain as files): the guide adds a county mobile branch as the township route's
  // fallback and a further-study clause the seed notice does not have; the author removes both.
  const std::string dir = std::string(XUESHE_SOURCE_DIR) + "/policies/";
  const std::string g2022 = read_text(dir + "zhtj-guide-2022.json"), pre = read_text(dir + "zhtj-guide-pre2022.json");
  const PolicyTexts files = [&](const std::string& id) -> std::optional<std::string> {
    if (id == "zhtj-guide-2022") return g2022;
    if (id == "zhtj-guide-pre2022") return pre;
    return builtin_policy_file(id);
  };
  ordered_json s = studio_start("zhtj-guide-2022", seed_split(), "2026-12-01", Lang::zh_CN, files);
  s["policy"]["id"] = "test-school-2022";
  s["policy"]["school"] = "测试学院";
  s["policy"]["ask_whom"] = {{"text", "所在学院团总支"}, {"clause", "三.1"}};
  s["policy"]["routes"]["employer_township_org"] = {{"org", "工作单位所在地的乡镇（街道）团组织"}, {"fallback", nullptr}};
  // (The destinations the guide leaves out that the notice's words propose need routes: not this test's point.)
  s["policy"]["destinations"] = {{"further_study", {{"no_residence_org", nullptr}}}};
  s["unverified"] = ordered_json::array({"routes.employer_township_org.fallback", "destinations.further_study.no_residence_org"});
  ordered_json r = studio_build(s.dump(), files, Lang::zh_CN);
  INFO(r.dump());
  REQUIRE(r["error"].is_null());
  const ordered_json file = ordered_json::parse(r["policy_text"].get<std::string>());
  CHECK(file["routes"]["employer_township_org"]["fallback"].is_null());
  CHECK(file["destinations"]["further_study"]["no_residence_org"].is_null());
  CHECK(r["unverified"] == s["unverified"]);
  CHECK_FALSE(r["finished"].get<bool>());
  // The merged policy has neither: the township route offers no alternative, further study cites no 指引.2(1) rule.
  const LayeredPolicy merged = resolve_policy_layers(r["policy_text"].get<std::string>(), files);
  CHECK_FALSE(merged.merged["routes"]["employer_township_org"].contains("fallback"));
  CHECK_FALSE(merged.merged["destinations"]["further_study"].contains("no_residence_org"));
  // Confirmed: finished. An emptied field (absent, not null) leaves the base's value.
  s["unverified"] = ordered_json::array();
  CHECK(studio_build(s.dump(), files, Lang::zh_CN)["finished"].get<bool>());
  s["policy"]["routes"]["employer_township_org"].erase("fallback");
  r = studio_build(s.dump(), files, Lang::zh_CN);
  CHECK_FALSE(ordered_json::parse(r["policy_text"].get<std::string>())["routes"]["employer_township_org"].contains("fallback"));
  CHECK(resolve_policy_layers(r["policy_text"].get<std::string>(), files).merged["routes"]["employer_township_org"]["fallback"]["route"] ==
        "county_mobile_branch");
}

TEST_CASE("studio: a loader error names the form field in words — not its JSON path") {
  ordered_json s = small_studio();
  SECTION("a clause that does not exist") {
    s["policy"]["routes"]["special_unit_pool"]["clause"] = "九.9";
    const ordered_json r = studio_build(s.dump(), nullptr, Lang::zh_CN);
    REQUIRE(r["error"].is_object());
    CHECK(r["error"]["path"] == "routes.special_unit_pool.clause");
    CHECK(r["error"]["field"] == "路线 · special_unit_pool · 依据条款");
    const std::string message = r["error"]["message"].get<std::string>();
    CHECK(message.find("路线 · special_unit_pool · 依据条款") != std::string::npos);
    CHECK(message.find("routes.special_unit_pool") == std::string::npos);
    CHECK(r["policy_text"].get<std::string>().find("九.9") != std::string::npos);
  }
  SECTION("a text left empty is named without its language") {
    s["policy"]["title"] = "";
    const ordered_json r = studio_build(s.dump(), nullptr, Lang::en);
    REQUIRE(r["error"].is_object());
    CHECK(r["error"]["path"] == "title");
    CHECK(r["error"]["field"] == "title");
  }
  SECTION("a deadline's date, by its number in the list") {
    s["policy"]["deadlines"] = ordered_json::array(
        {{{"kind", "all_complete_by"}, {"date", "2022-02-30"}, {"clause", "三.2"}, {"applies_to", {"military"}}, {"what", "完成"}}});
    const ordered_json r = studio_build(s.dump(), nullptr, Lang::zh_CN);
    REQUIRE(r["error"].is_object());
    CHECK(r["error"]["path"] == "deadlines[0].date");
    CHECK(r["error"]["field"] == "日期 · 第 1 项 · 日期");
  }
  SECTION("an empty id is a missing one") {
    s["policy"]["id"] = "";
    const ordered_json r = studio_build(s.dump(), nullptr, Lang::zh_CN);
    REQUIRE(r["error"].is_object());
    CHECK(r["error"]["code"] == "policy_missing_key");
    CHECK(r["error"]["message"] == "政策文件缺少“政策编号”。");
  }
  SECTION("a studio file from anywhere: wrong types are errors or ignored, never a throw") {
    for (const char* text : {R"({"studio": "1", "policy": {}})", R"({"studio": 1, "policy": []})",
                             R"({"studio": 1, "base": 7, "clauses": [3, null, {"id": 5}], "policy": {"id": 9}, "unverified": [1, "x"]})"})
      CHECK_NOTHROW(studio_build(text, nullptr, Lang::zh_CN).dump());
    CHECK(studio_edit_clauses("[1, 2]", R"({"op": "merge", "at": 0})", Lang::zh_CN)["error"]["code"] == "studio_bad_edit");
    CHECK(studio_edit_clauses(R"([{"id": "1", "text": "ab"}])", R"({"op": "split", "at": 0, "chars": "1", "id": "x"})", Lang::zh_CN)["error"]["code"] ==
          "studio_bad_split");
  }
  SECTION("not a studio file") {
    const ordered_json r = studio_build("[]", nullptr, Lang::zh_CN);
    CHECK(r["error"]["code"] == "studio_not_a_studio_file");
    CHECK(r["error"]["field"] == "整个政策文件");
  }
}

TEST_CASE("studio: field words for every section and key the form has") {
  CHECK(studio_field_words("destinations.unsettled.bases", Lang::zh_CN) == "去向 · 未就业 · 转往地依据（按通知顺序）");
  CHECK(studio_field_words("periods.retention.cap.value", Lang::zh_CN) == "期限 · 在校保留期 · 上限 · 数值");
  CHECK(studio_field_words("rules.second_transfer", Lang::en) == "named rules · second transfer");
  CHECK(studio_field_words("clauses[2].text.zh-CN", Lang::zh_CN) == "条款 · 第 3 项 · 文字");
}
