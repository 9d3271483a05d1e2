// The engine: one policy and its flow, immutable, answering "given these
// answers, what next?" with a question or an outcome (SPEC §3).
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "xueshe/answers.hpp"
#include "xueshe/error_body.hpp"  // error_body: how a Result's error is shown
#include "xueshe/flow.hpp"
#include "xueshe/json_text.hpp"
#include "xueshe/outcome_context.hpp"
#include "xueshe/policy.hpp"
#include "xueshe/lang.hpp"

namespace xueshe {

// Answers walked through the flow, before anything is rendered: the answers
// error (as evaluate's error body says it), or where the walk stopped.
struct Evaluation {
  std::optional<Error> error;
  const Node* at = nullptr;  // the question still to answer, or the outcome
  std::vector<Step> steps;   // answered on the way, in order
  Answers used;              // the answers on this path; a named situation as its destination
  const Situation* situation = nullptr;  // that named situation (西部计划), or nullptr
};

struct Result {
  bool ok = true;       // false: `body` is {"error": {...}} (CLI exit 2)
  nlohmann::json body;  // {"status": "question"|"outcome", ...}
};

class Engine {
 public:
  explicit Engine(Policy policy);

  const Policy& policy() const { return policy_; }
  const Flow& flow() const { return flow_; }

  // The typed evaluation evaluate() renders; the take-away outputs read it too.
  Evaluation walk_answers(const Answers& answers) const;
  // Answers as already-validated values.
  Result evaluate(const Answers& answers, Date today, Lang lang) const;
  // Answers as JSON text: the SPEC §3 contract, also used by wasm.
  Result evaluate_json(std::string_view answers_json, Date today, Lang lang) const;

  // The questions only, for the page's question module (xueshe.wasm), which
  // links these and not the above so that the outcome's code stays out of the
  // page's first load. A question is the same as evaluate() gives it; where
  // evaluate() would give an outcome, or a question's options side by side
  // (`compare`), this gives the same result without them and with
  // "needs_outcome_module": true, and the take-away module's `evaluate` gives the
  // whole of it (wasm/outcome_bindings.cpp).
  Result evaluate_questions(const Answers& answers, Date today, Lang lang) const;
  Result evaluate_questions_json(std::string_view answers_json, Date today, Lang lang) const;

 private:
  // What evaluate() adds to a result that evaluate_questions() leaves out; the
  // latter passes none, so a binary that calls only it links none of their code.
  struct OutcomeParts {
    nlohmann::json (*outcome)(const OutcomeContext& ctx);
    nlohmann::json (*compare)(const Policy& p, const Flow& flow, const Node& question, const Answers& used,
                              Date today, Lang lang);
  };
  Result evaluate_with(const Answers& answers, Date today, Lang lang, const OutcomeParts& parts) const;
  Result evaluate_json_with(std::string_view answers_json, Date today, Lang lang,
                            const OutcomeParts& parts) const;

  Policy policy_;
  Flow flow_;
};

// An answer in words, as `answered` shows it ("已就业", "否", "2022-06-30").
std::string value_label(const Policy& p, const std::string& field, const AnswerValue& v, Lang lang);
// A field's short name in words ("毕业日期"), or the field itself where the catalog has none.
std::string question_name(const std::string& field, Lang lang);



}  // namespace xueshe
