// The policy studio's offers: what the notice's words and the base chain give for the form's empty fields, each
// with its clause and words, nothing taken until the author takes it; and the deadline a date's sentence says.
#include <catch2/catch.hpp>

#include "test_policies.hpp"
#include "xueshe/notice_deadline_words.hpp"
#include "xueshe/notice_names.hpp"
#include "xueshe/notice_split_json.hpp"
#include "xueshe/policy_studio.hpp"
#include "xueshe/studio_offers.hpp"

using namespace xueshe;
using nlohmann::ordered_json;

namespace {

ordered_json seed_split() {
  const std::string text = read_text(std::string(XUESHE_SOURCE_DIR) + "/tests/notices/00-hxci-2022.txt");
  REQUIRE_FALSE(text.empty());
  return notice_split_body(text, Lang::zh_CN);
}

struct Run {
  ordered_json studio, offers;
};

Run offers_on(const std::string& base, const std::function<void(ordered_json&)>& edit = {}) {
  const ordered_json split = seed_split();
  Run r;
  r.studio = studio_start(base, split.dump(), "2026-12-01", Lang::zh_CN, policies_folder());
  REQUIRE(r.studio.contains("policy"));
  if (edit) edit(r.studio);
  r.offers = studio_offers(r.studio.dump(), split["values"].dump(), policies_folder(), Lang::zh_CN);
  return r;
}

// The offer of `path` (the first), or null.
ordered_json offer_of(const ordered_json& offers, const std::string& path) {
  for (const auto& o : offers["offers"])
    if (o["path"] == path) return o;
  return nullptr;
}

ordered_json value_set(const ordered_json& offer, const std::string& path) {
  for (const auto& s : offer["set"])
    if (s["path"] == path) return s["value"];
  return nullptr;
}

ordered_json deadline_offer(const ordered_json& offers, const std::string& clause, const std::string& date) {
  for (const auto& o : offers["offers"])
    if (o.contains("add") && o["item"]["clause"] == clause && o["item"]["date"] == date) return o;
  return nullptr;
}

}  // namespace

TEST_CASE("deadline words: the kind its sentence says — its sentence as what — the cases it names") {
  const std::string text = "2. 时间节点安排。即日起至8月31日，二级学院团委通知毕业生本人在“智慧团建”系统内提出“学社衔接”转接申请，在对方接收前可以修改和撤回。"
                           "在此期间，二级学院团委督促学生联系接收单位及时接收。10月31日前，全校各级团组织基本完成各类组织关系转接工作。";
  auto apply = deadline_in_words(text, "即日起至8月31日");
  REQUIRE(apply);
  CHECK(apply->kind == "apply_by");
  CHECK(apply->what == "即日起至8月31日，二级学院团委通知毕业生本人在“智慧团建”系统内提出“学社衔接”转接申请，在对方接收前可以修改和撤回");
  CHECK(apply->applies_to.empty());
  auto all = deadline_in_words(text, "10月31日前");
  REQUIRE(all);
  CHECK(all->kind == "all_complete_by");
  CHECK(all->what == "10月31日前，全校各级团组织基本完成各类组织关系转接工作");
  auto four = deadline_in_words("④确定录取研究生和公务员同学及其他特殊情况（各学院进行自行考察）必须在2022年10月1日前完成转接。", "2022年10月1日前");
  REQUIRE(four);
  CHECK(four->kind == "complete_by");
  CHECK(four->what == "确定录取研究生和公务员同学及其他特殊情况（各学院进行自行考察）必须在2022年10月1日前完成转接");
  CHECK(four->applies_to == std::vector<std::string>{"postgraduate", "civil_servant"});
  auto three = deadline_in_words("③已就业与待就业同学于2022年8月31日前完成转接；", "2022年8月31日前");
  REQUIRE(three);
  CHECK(three->applies_to == std::vector<std::string>{"employed", "unsettled_community"});
  // A staff date (报送, 召开会议) says no deadline; words not in the text say nothing.
  CHECK_FALSE(deadline_in_words("各学院团总支在5月30日前召开毕业班团支部会议，专题布置工作。", "5月30日前"));
  CHECK_FALSE(deadline_in_words("10月31日前完成。", "9月1日前"));
  CHECK_FALSE(deadline_in_words("10月31日前完成。", ""));
}

TEST_CASE("named rules: the sentence that says the rule's words comes with its clause") {
  const ordered_json split = seed_split();
  std::map<std::string, NamedInNotice> by;
  for (const NamedInNotice& n : notice_named_things(split["clauses"])) by[n.path] = n;
  CHECK(by["rules.youth_home_alternative"].sentence == "所在地青年之家已建立团组织的，也可转至青年之家团组织(下同)");
  CHECK(by["rules.classified_as_military"].sentence == "转往涉密单位工作的情况参照此流程办理");
  CHECK(by["rules.second_transfer"].value == "二.8");
  CHECK(by["rules.second_transfer"].sentence.find("二次转接") != std::string::npos);
  CHECK(by["destinations.employed.clause"].sentence.empty());
}

TEST_CASE("offers on the 2022 guide: the notice's clauses and values where the guide says others — what the guide removed and the notice covers — its deadlines") {
  const Run r = offers_on("zhtj-guide-2022");
  const ordered_json& o = r.offers;
  // The school, from the signature line.
  CHECK(value_set(offer_of(o, "school"), "school") == "哈尔滨信息工程学院");
  CHECK(offer_of(o, "school")["clause"] == "落款");
  // Named things where the guide cites its own clauses.
  CHECK(value_set(offer_of(o, "rules.classified_as_military"), "rules.classified_as_military") == "二.3");
  CHECK(offer_of(o, "rules.classified_as_military")["words"] == "转往涉密单位工作的情况参照此流程办理");
  CHECK(value_set(offer_of(o, "destinations.employed.clause"), "destinations.employed.clause") == "二.1");
  CHECK(value_set(offer_of(o, "destinations.unsettled.bases"), "destinations.unsettled.bases") ==
        ordered_json{{"value", {"residence", "hukou", "origin"}}, {"clause", "二.4"}});
  // Proposed at the start (the guide does not say them): not offered again.
  CHECK(offer_of(o, "destinations.work_abroad.clause").is_null());
  // Work abroad: the 2022 guide removed it, the notice covers it (二.6): its slots as the earlier guide had them.
  const ordered_json wa = offer_of(o, "destinations.work_abroad");
  CHECK(wa["from"] == "zhtj-guide-pre2022");
  CHECK(wa["clause"] == "二.6");
  CHECK(value_set(wa, "destinations.work_abroad.official") == "dispatching_unit_org");
  CHECK(value_set(wa, "destinations.work_abroad.private") == "hometown_township_org");
  CHECK(wa["unverified"].size() == 3);
  // Periods by their sentences: the unsettled's 保留, the further studies' 创建.
  const ordered_json ret = offer_of(o, "periods.retention");
  CHECK(value_set(ret, "periods.retention.value") == 6);
  CHECK(value_set(ret, "periods.retention.clause") == "二.4");
  CHECK(ret["unverified"] == ordered_json{"periods.retention.value"});
  CHECK(value_set(offer_of(o, "periods.new_org"), "periods.new_org.clause") == "二.2");
  // Each route a covered destination sends its members to, citing that destination's clause; the classified's slot
  // is not the employed's own route (the military's clause is the pool's).
  for (const auto& [route, clause] : std::vector<std::pair<std::string, std::string>>{
           {"employer_org", "二.1"}, {"employer_township_org", "二.1"}, {"new_school_org", "二.2"}, {"special_unit_pool", "二.3"},
           {"community_mobile_branch", "二.4"}, {"retain_at_school", "二.4"}, {"overseas_study_branch", "二.5"},
           {"dispatching_unit_org", "二.6"}, {"hometown_township_org", "二.6"}})
    CHECK(value_set(offer_of(o, "routes." + route + ".clause"), "routes." + route + ".clause") == clause);
  // The deadline the 2022 guide removed from the overseas study route, as the earlier guide had it.
  const ordered_json dl = offer_of(o, "routes.overseas_study_branch.deadline");
  CHECK(dl["from"] == "zhtj-guide-pre2022");
  CHECK(value_set(dl, "routes.overseas_study_branch.deadline")["kind"] == "before_departure");
  CHECK(value_set(dl, "routes.overseas_study_branch.deadline")["what"] == "离校出国（境）前提交保留团组织关系的书面申请");
  // The four dates whose sentences say a deadline, none of the staff's 5月30日.
  std::size_t added = 0;
  for (const auto& x : o["offers"]) added += x.contains("add");
  CHECK(added == 4);
  CHECK(deadline_offer(o, "三.2", "2022-08-31")["item"]["kind"] == "apply_by");
  CHECK(deadline_offer(o, "三.2", "2022-08-31")["item"]["opens"] == "2022-05-16");
  CHECK(deadline_offer(o, "三.2", "2022-10-31")["item"]["kind"] == "all_complete_by");
  CHECK(deadline_offer(o, "三.2③", "2022-08-31")["item"]["applies_to"] == ordered_json{"employed", "unsettled_community"});
  CHECK(deadline_offer(o, "三.2④", "2022-10-01")["unverified"] == ordered_json{"date", "kind", "applies_to"});
  // Steps a route's list can take: the rules the notice names, and every guide version's own steps.
  const ordered_json& pool = o["steps"]["special_unit_pool"];
  auto key = [&](const std::string& k) {
    for (const auto& s : pool)
      if (s["key"] == k) return s;
    return ordered_json();
  };
  CHECK(key("rule:classified_as_military")["step"] ==
        ordered_json{{"id", "classified_as_military"}, {"where", "info"}, {"text", "转往涉密单位工作的情况参照此流程办理"}, {"rule", "classified_as_military"}, {"if", "variant:classified"}});
  CHECK(key("zhtj-guide-pre2022:offline")["step"]["text"] == "同时还要办理线下团组织关系转接手续（指引没有列出具体材料，请问{ask}）。");
  CHECK(key("zhtj-guide-2022:classified")["step"]["rule"] == "classified_as_military");
  // The earlier guide's step of the same id is the later one's, offered once.
  CHECK(key("zhtj-guide-pre2022:classified").is_null());
}

TEST_CASE("offers: nothing the form holds is offered — a taken value — a removal — a deadline already there") {
  const Run r = offers_on("zhtj-guide-2022", [](ordered_json& s) {
    s["policy"]["school"] = "某学院";
    s["policy"]["rules"]["classified_as_military"] = "二.3";
    s["policy"]["destinations"]["unsettled"]["bases"] = nullptr;
    s["policy"]["routes"]["employer_org"] = {{"clause", "二.1"}};
    s["policy"]["routes"]["special_unit_pool"] = {{"steps", {{{"id", "offline"}, {"where", "offline"}, {"text", "线下"}}}}};
    s["policy"]["deadlines"] = {{{"date", "2022-10-31"}, {"clause", "三.2"}}};
  });
  const ordered_json& o = r.offers;
  CHECK(offer_of(o, "school").is_null());
  CHECK(offer_of(o, "rules.classified_as_military").is_null());
  CHECK(offer_of(o, "destinations.unsettled.bases").is_null());
  CHECK(offer_of(o, "routes.employer_org.clause").is_null());
  CHECK(deadline_offer(o, "三.2", "2022-10-31").is_null());
  CHECK_FALSE(deadline_offer(o, "三.2", "2022-08-31").is_null());
  for (const auto& s : o["steps"]["special_unit_pool"]) CHECK(s["key"] != "zhtj-guide-pre2022:offline");
}

TEST_CASE("offers on the national layer: periods and deadlines from the notice's words — no route or base values") {
  const Run r = offers_on("cn-league");
  const ordered_json& o = r.offers;
  CHECK_FALSE(offer_of(o, "periods.retention").is_null());
  CHECK_FALSE(offer_of(o, "periods.new_org").is_null());
  CHECK(offer_of(o, "rules.classified_as_military").is_null());  // proposed at the start, unverified
  CHECK(offer_of(o, "destinations.work_abroad").is_null());
  for (const auto& x : o["offers"]) CHECK(x["from"] == "notice");
  // Unreadable input offers nothing, without throwing.
  CHECK(studio_offers("{", "[]", policies_folder(), Lang::zh_CN)["offers"].empty());
  CHECK(studio_offers(r.studio.dump(), "not json", policies_folder(), Lang::en)["offers"].size() < o["offers"].size());
}

TEST_CASE("offers on a long clause with thousands of dates: each read in its own sentence — one offer per date and clause") {
  std::string text = "关于某事的通知\n一、总则\n1. ";
  for (int i = 0; i < 4000; ++i) text += "第" + std::to_string(i) + "批同学于2022年10月1日前完成转接。";
  text += "\n";
  const ordered_json split = notice_split_body(text, Lang::zh_CN);
  REQUIRE(split["values"].size() >= 4000);
  const ordered_json s = studio_start("cn-league", split.dump(), "2026-12-01", Lang::zh_CN);
  const ordered_json o = studio_offers(s.dump(), split["values"].dump(), {}, Lang::zh_CN);
  REQUIRE(o["offers"].size() == 1);
  CHECK(o["offers"][0]["item"]["what"] == "第0批同学于2022年10月1日前完成转接");
  CHECK(o["offers"][0]["item"]["kind"] == "complete_by");
}
