// The 二.5 application: the form from an outcome (prefilled from the answers),
// strict checks of every typed field with the field named in both languages,
// lengths in code points, the document carrying every typed value verbatim,
// and errors as values for every other result.
#include <catch2/catch.hpp>
#include <map>
#include <string>

#include "test_policies.hpp"
#include "xueshe/application.hpp"
#include "xueshe/engine.hpp"
#include "xueshe/flow_export.hpp"
#include "xueshe/member_outcome.hpp"
#include "xueshe/messages.hpp"

using namespace xueshe;
using nlohmann::json;

namespace {

const std::string abroad_answers =
    R"({"destination":"study_abroad","graduation_date":"2022-06-30","departure_date":"2022-08-01","birth_date":"2000-01-01","party_member":false})";

const Engine& builtin_engine() {
  static const Engine engine(must_load(std::string(builtin_policy_text())));
  return engine;
}

// The member's typed outcome (the application is made from it), as of `today`.
MemberOutcome member_of(const Engine& engine, const std::string& answers, Date today, Lang lang) {
  AnswersParse parsed = parse_answers(answers);
  REQUIRE_FALSE(parsed.error);
  MemberEvaluation m = evaluate_member(engine, parsed.answers, today, lang);
  REQUIRE_FALSE(m.error);
  return *m.member;
}

MemberOutcome outcome(const std::string& answers, Lang lang = Lang::zh_CN) {
  return member_of(builtin_engine(), answers, *parse_iso_date("2022-06-01"), lang);
}

json valid_applicant() {
  return json{{"name", "张三"},
              {"student_id", "2018010101"},
              {"college", "信息工程学院"},
              {"country_or_region", "英国"},
              {"institution", "University of Edinburgh"},
              {"from", "2022-08-01"},
              {"until", "2023-09-30"},
              {"study_plan", "数据科学\n硕士项目"},
              {"contact_name", "张父"},
              {"contact_relationship", "父亲"},
              {"contact_phone", "+86 (138) 0000-0000"},
              {"contact_abroad", "zhangsan@example.org / 微信 zs2022"}};
}

json document_for(const json& applicant, Lang lang = Lang::zh_CN) {
  return application_document(outcome(abroad_answers, lang), applicant.dump());
}

std::string label(Lang lang, const std::string& id) {
  return message(lang, "takeaway.application.field." + id + ".label");
}

// One error whose field is `field`, with a message in `lang` naming the field's label.
void expect_field_error(const json& body, const std::string& code, const std::string& field, Lang lang) {
  INFO(body.dump());
  REQUIRE(body.contains("error"));
  CHECK_FALSE(body.contains("document"));
  CHECK(body["error"]["code"] == code);
  CHECK(body["error"]["field"] == field);
  const std::string text = body["error"]["message"];
  CHECK(text.find("takeaway.error.") == std::string::npos);
  CHECK(text.find('{') == std::string::npos);
  const std::string id = field.substr(std::string("applicant.").size());
  CHECK(text.find(label(lang, id)) != std::string::npos);
}

std::string repeat(const std::string& unit, std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out += unit;
  return out;
}

}  // namespace

TEST_CASE("application form: the fields 二.5 asks for — 'from' prefilled from the answers") {
  for (const Lang lang : {Lang::zh_CN, Lang::en}) {
    json body = application_form(outcome(abroad_answers, lang));
    INFO(body.dump());
    REQUIRE(body.contains("form"));
    const json& form = body["form"];
    CHECK(form["clause"] == "二.5");
    CHECK(form["clause_text"]["id"] == "二.5");
    CHECK(form["policy"]["id"] == "hxci-2022");
    CHECK(form["policy"]["hash"].get<std::string>().size() == 16);
    CHECK(form["due"].get<std::string>().find("2022-08-01") != std::string::npos);
    std::vector<std::string> ids;
    for (const json& f : form["fields"]) {
      ids.push_back(f["id"]);
      CHECK_FALSE(f["label"].get<std::string>().empty());
      CHECK(f["label"] == label(lang, f["id"]));
      CHECK(f["value"] == (f["id"] == "from" ? "2022-08-01" : ""));
    }
    CHECK(ids == std::vector<std::string>{"name", "student_id", "college", "country_or_region", "institution", "from",
                                          "until", "study_plan", "contact_name", "contact_relationship",
                                          "contact_phone", "contact_abroad"});
    auto field = [&](const std::string& id) {
      for (const json& f : form["fields"])
        if (f["id"] == id) return f;
      return json();
    };
    CHECK(field("from")["kind"] == "date");
    CHECK(field("until")["kind"] == "date");
    CHECK(field("contact_phone")["kind"] == "tel");
    CHECK(field("contact_phone")["max_chars"] == 32);
    CHECK(field("study_plan")["kind"] == "textarea");
    CHECK(field("name")["max_chars"] == 2000);
    CHECK(field("name")["required"] == true);
    CHECK(field("contact_abroad")["required"] == false);
    CHECK(field("study_plan")["required"] == false);
    for (const char* key : {"required", "optional", "submit", "privacy", "errors"})
      CHECK_FALSE(form["labels"][key].get<std::string>().empty());
  }
  // Another departure date, another prefill.
  std::string later = abroad_answers;
  later.replace(later.find("2022-08-01"), 10, "2022-09-15");
  CHECK(application_form(outcome(later))["form"]["fields"][5]["value"] == "2022-09-15");
  // The two languages differ in words only.
  CHECK(application_form(outcome(abroad_answers, Lang::en))["form"]["title"] !=
        application_form(outcome(abroad_answers))["form"]["title"]);
}

TEST_CASE("application: every other route and every question is an error value — on every path of every policy") {
  int forms = 0, not_needed = 0;
  for (const auto& text : policy_texts()) {
    Engine engine(must_load(text));
    for (const Lang lang : {Lang::zh_CN, Lang::en})
      for (const json& line : evaluate_all_paths(engine, engine.policy().notice_date, lang)) {
        INFO(line["answers"].dump());
        const MemberOutcome member = member_of(engine, line["answers"].dump(), engine.policy().notice_date, lang);
        REQUIRE(member.outcome);
        CHECK(member.outcome->route == line["result"]["route"]);
        json form = application_form(member);
        json doc = application_document(member, valid_applicant().dump());
        if (member.outcome->route == "overseas_study_branch") {
          REQUIRE(form.contains("form"));
          CHECK(doc.contains("document"));
          ++forms;
        } else {
          CHECK(form["error"]["code"] == "application_not_needed");
          CHECK(form["error"]["field"] == "route");
          CHECK(doc["error"]["code"] == "application_not_needed");
          CHECK(form["error"]["message"] != "takeaway.error.application_not_needed");
          ++not_needed;
        }
      }
  }
  CHECK(forms > 0);
  CHECK(not_needed > forms);

  const MemberOutcome question = outcome(R"({"destination":"study_abroad"})");
  REQUIRE_FALSE(question.outcome);
  CHECK(application_form(question)["error"]["code"] == "application_needs_outcome");
  CHECK(application_form(question)["error"]["field"] == "graduation_date");
  CHECK(application_document(question, valid_applicant().dump())["error"]["code"] == "application_needs_outcome");
  CHECK(application_form(outcome(abroad_answers, Lang::zh_CN))["form"]["lang"] == "zh-CN");
  CHECK(application_form(outcome(abroad_answers, Lang::en))["form"]["lang"] == "en");
}

TEST_CASE("application document: every typed value verbatim — the committee — the pledge and the approval block") {
  json applicant = valid_applicant();
  applicant["name"] = "<script>alert(1)</script>";
  applicant["institution"] = "\"quotes\" & 'apostrophes' {name} {until}";
  applicant["country_or_region"] = "🇨🇳👩‍🎓 中国香港";
  applicant["study_plan"] = "line one\nline two\n\n<b>bold?</b>";
  for (const Lang lang : {Lang::zh_CN, Lang::en}) {
    json body = document_for(applicant, lang);
    INFO(body.dump());
    REQUIRE(body.contains("document"));
    const json& d = body["document"];
    REQUIRE(d["rows"].size() == applicant.size());
    // The dates as a letter writes them, never as typed (ISO).
    const std::map<std::string, std::string> dates =
        lang == Lang::en ? std::map<std::string, std::string>{{"from", "1 August 2022"}, {"until", "30 September 2023"}}
                     : std::map<std::string, std::string>{{"from", "2022年8月1日"}, {"until", "2023年9月30日"}};
    auto shown = [&](const std::string& id) { return dates.count(id) ? dates.at(id) : applicant[id].get<std::string>(); };
    for (const json& row : d["rows"]) {
      CHECK(row["value"] == shown(row["field"].get<std::string>()));
      CHECK(row["label"] == label(lang, row["field"]));
    }
    std::string text;
    for (const json& p : d["body"]) text += p.get<std::string>() + "\n";
    for (const char* id : {"name", "student_id", "college", "country_or_region", "institution", "from", "until",
                           "contact_name", "contact_relationship", "contact_phone", "contact_abroad"}) {
      INFO(id);
      CHECK(text.find(shown(id)) != std::string::npos);
    }
    CHECK(text.find("2022-08-01") == std::string::npos);
    CHECK(text.find("2023-09-30") == std::string::npos);
    // Placeholders typed by the member stay as typed.
    CHECK(text.find("{name} {until}") != std::string::npos);
    CHECK(d["clause"] == "二.5");
    CHECK(d["policy"]["id"] == "hxci-2022");
    CHECK(d["policy"]["hash"] == builtin_engine().policy().hash);
    CHECK_FALSE(d["pledge"].get<std::string>().empty());
    CHECK(d["approval"]["options"].size() == 2);
    CHECK(d["approval"]["lines"].size() == 4);
    CHECK_FALSE(d["approval"]["seal"].get<std::string>().empty());
    CHECK(d["signature"].size() == 2);
    // The printed footer names the notice and the clause, not the policy file's id or hash.
    CHECK(d["footer"].get<std::string>().find(builtin_engine().policy().title.at(lang)) != std::string::npos);
    CHECK(d["footer"].get<std::string>().find("hxci-2022") == std::string::npos);
    CHECK(d["footer"].get<std::string>().find(builtin_engine().policy().hash) == std::string::npos);
  }
  // The pledge is what 二.5 asks of a member abroad: report regularly, fulfil the duties.
  json zh = document_for(applicant)["document"];
  CHECK(zh["pledge"].get<std::string>().find("定期") != std::string::npos);
  CHECK(zh["pledge"].get<std::string>().find("履行团员基本义务") != std::string::npos);
  // The addressee: the school league committee, by the policy's name for the school.
  for (const Lang lang : {Lang::zh_CN, Lang::en}) {
    const json named = document_for(applicant, lang)["document"];
    CHECK(named["addressee_from"] == "policy.school");
    CHECK(named["addressee"] == message(lang, "takeaway.application.document.addressee",
                                        {{"school", builtin_engine().policy().school.at(lang)}}));
  }
  CHECK(document_for(applicant)["document"]["addressee"] == "哈尔滨信息工程学院团委：");
  // Optional fields may be left out; their rows are empty.
  json minimal = valid_applicant();
  minimal.erase("contact_abroad");
  minimal["study_plan"] = "   ";
  json d = document_for(minimal)["document"];
  REQUIRE(d.is_object());
  CHECK(d["rows"][7]["value"] == "");
  CHECK(d["rows"][11]["value"] == "");
  CHECK(d["body"].size() == 4);  // no line for a contact abroad
  // The same input gives the same bytes.
  CHECK(document_for(applicant).dump() == document_for(applicant).dump());
}

TEST_CASE("application: every validation error names its field — in both languages") {
  struct Case {
    const char* field;
    json value;  // nullptr-marker handled below: a json with "erase" removes the field
    const char* code;
  };
  const json erase = json{{"erase", true}};
  const std::vector<Case> cases{
      {"name", erase, "application_missing_field"},
      {"name", "", "application_missing_field"},
      {"name", "  \n ", "application_missing_field"},
      {"student_id", 2018001, "application_wrong_type"},
      {"college", nullptr, "application_wrong_type"},
      {"country_or_region", json::array({"英国"}), "application_wrong_type"},
      {"institution", json::object(), "application_wrong_type"},
      {"institution", true, "application_wrong_type"},
      {"from", "2022-02-30", "application_bad_date"},
      {"from", "2022-8-1", "application_bad_date"},
      {"from", erase, "application_missing_field"},
      {"until", "2023-09-31", "application_bad_date"},
      {"until", "9999-12-31", "application_bad_date"},
      {"until", "2022-08-01", "application_date_order"},
      {"until", "2022-07-31", "application_date_order"},
      {"contact_name", "张\t父", "application_control_character"},
      {"contact_name", "张\n父", "application_control_character"},
      {"contact_relationship", "父亲\u007f", "application_control_character"},
      {"contact_relationship", "父亲\u0085", "application_control_character"},
      {"study_plan", "a\u0007b", "application_control_character"},
      {"study_plan", "a\r\nb", "application_control_character"},
      {"contact_phone", "abc", "application_bad_phone"},
      {"contact_phone", "138.0000.0000", "application_bad_phone"},
      {"contact_phone", "１３８００００００００", "application_bad_phone"},
      {"contact_phone", "+-()", "application_bad_phone"},
      {"contact_phone", repeat("1", 33), "application_too_long"},
      {"contact_abroad", repeat("a", 2001), "application_too_long"},
  };
  for (const Lang lang : {Lang::zh_CN, Lang::en})
    for (const Case& c : cases) {
      json applicant = valid_applicant();
      if (c.value == erase) applicant.erase(c.field);
      else applicant[c.field] = c.value;
      INFO(lang << " " << c.field << " = " << c.value.dump());
      expect_field_error(document_for(applicant, lang), c.code, std::string("applicant.") + c.field, lang);
    }
  // A date's message says the years it may have.
  json far = valid_applicant();
  far["until"] = "9999-12-31";
  CHECK(document_for(far, Lang::en)["error"]["message"].get<std::string>().find("from the years 1900–2199") != std::string::npos);
  // The messages differ between the languages.
  json a = valid_applicant();
  a["contact_phone"] = "abc";
  CHECK(document_for(a, Lang::zh_CN)["error"]["message"] != document_for(a, Lang::en)["error"]["message"]);
}

TEST_CASE("application: every problem at once — one per field — in the form's order") {
  json applicant = valid_applicant();
  applicant.erase("name");
  applicant["until"] = "2022-01-01";
  applicant["contact_phone"] = "x";
  applicant["extra"] = "?";
  json body = document_for(applicant);
  INFO(body.dump());
  REQUIRE(body["errors"].size() == 4);
  CHECK(body["errors"][0]["field"] == "applicant.extra");
  CHECK(body["errors"][0]["code"] == "application_unknown_field");
  CHECK(body["errors"][1]["field"] == "applicant.name");
  CHECK(body["errors"][2]["field"] == "applicant.until");
  CHECK(body["errors"][3]["field"] == "applicant.contact_phone");
  CHECK(body["error"] == body["errors"][0]);
}

TEST_CASE("application: text fields take 2 —000 code points — not bytes — and refuse the 2 —001st") {
  for (const std::string unit : {"a", "学", "😀", "é"}) {
    INFO(unit);
    json ok = valid_applicant();
    ok["institution"] = repeat(unit, 2000);
    ok["study_plan"] = repeat(unit, 2000);
    json d = document_for(ok);
    REQUIRE(d.contains("document"));
    CHECK(d["document"]["rows"][4]["value"] == ok["institution"]);
    json over = valid_applicant();
    over["institution"] = repeat(unit, 2001);
    json e = document_for(over);
    expect_field_error(e, "application_too_long", "applicant.institution", Lang::zh_CN);
    CHECK(e["error"]["message"].get<std::string>().find("2001") != std::string::npos);
  }
  // Each Chinese character counts once: 2,000 of them (6,000 bytes) are within the limit.
  json ok = valid_applicant();
  ok["name"] = repeat("张", 1999) + "a";
  CHECK(document_for(ok).contains("document"));
}

TEST_CASE("application: phone numbers as people write them") {
  for (const std::string& phone : std::vector<std::string>{"13800000000", "+86 138 0000 0000", "(010) 6275-1234", "+44 (0)20 7946 0958",
                                  repeat("1", 32)}) {
    json a = valid_applicant();
    a["contact_phone"] = phone;
    INFO(phone);
    json d = document_for(a);
    REQUIRE(d.contains("document"));
    CHECK(d["document"]["rows"][10]["value"] == phone);
  }
}

TEST_CASE("application: input that is not a JSON object of fields") {
  const MemberOutcome r = outcome(abroad_answers, Lang::en);
  auto doc = [&r](const std::string& text) { return application_document(r, text); };
  CHECK(doc("not json")["error"]["code"] == "application_malformed_json");
  CHECK(doc("not json")["error"]["field"] == "applicant");
  CHECK(doc("")["error"]["code"] == "application_malformed_json");
  CHECK(doc("[]")["error"]["code"] == "application_not_object");
  CHECK(doc(R"("张三")")["error"]["field"] == "applicant");
  json dup = doc(R"({"name":"a","name":"b"})");
  CHECK(dup["error"]["code"] == "application_duplicate_field");
  CHECK(dup["error"]["field"] == "applicant.name");
  json nested = doc(R"({"name":{"first":"a"}})");
  CHECK(nested["error"]["code"] == "application_wrong_type");
  CHECK(nested["error"]["field"] == "applicant.name");
  // Invalid UTF-8: the field whose text holds the bad byte is named.
  json valid = valid_applicant();
  std::string text = valid.dump();
  text.insert(text.find("英国") + 3, "\xff");
  json bad = doc(text);
  CHECK(bad["error"]["code"] == "application_invalid_utf8");
  CHECK(bad["error"]["field"] == "applicant.country_or_region");
  CHECK(bad["error"]["message"].get<std::string>().find(label(Lang::en, "country_or_region")) != std::string::npos);
  std::string overlong = R"({"contact_name":"a)" + std::string("\xc0\xaf") + R"("})";
  CHECK(doc(overlong)["error"]["field"] == "applicant.contact_name");
  // Unpaired surrogate escapes are not text.
  CHECK(doc(R"({"name":"\ud800"})")["error"]["code"] == "application_malformed_json");
  // A flood is refused whole.
  CHECK(doc(std::string(600 * 1024, ' ') + "{}")["error"]["code"] == "application_too_large");
}

TEST_CASE("application_json_error locates invalid UTF-8 inside a larger input") {
  const std::string text = "{\"answers\":{\"a\":1},\"applicant\":{\"name\":\"ok\",\"college\":\"x\xfe\"}}";
  StrictJson parsed = parse_strict_json(text, application_json_limits());
  REQUIRE(parsed.error);
  Error e = application_json_error(*parsed.error, text, "");
  CHECK(e.code == "application_invalid_utf8");
  CHECK(e.field == "applicant.college");
  const std::string in_key = "{\"na\xffme\":\"x\"}";
  StrictJson key = parse_strict_json(in_key, application_json_limits());
  REQUIRE(key.error);
  CHECK(application_json_error(*key.error, in_key, "applicant").field == "applicant");
}
