// Embind bindings: a thin layer of plain functions over core, JSON strings in
// and out, errors as values (never a C++ exception crossing into JS). Only what
// the page uses is bound: every byte here is in the first load's budget.
#include <emscripten/bind.h>

#include <optional>
#include <string>

#include "page_policy.hpp"
#include "xueshe/engine.hpp"
#include "xueshe/messages.hpp"
#include "xueshe/share.hpp"

namespace {

using xueshe::Engine;
using xueshe::Error;

std::string lang_or_default(const std::string& lang) {
  return xueshe::is_supported_language(lang) ? lang : xueshe::default_language();
}

// One loaded policy. Constructed from the policy's JSON text ("" = built-in);
// when the text is not a valid policy, error() says why and every call returns it.
class WasmEngine {
 public:
  // bases: the base files of a layered policy, {"<id>": "<text>"} ("" = none beyond the built-in ones).
  WasmEngine(const std::string& policy_text, const std::string& bases) {
    auto load = xueshe_wasm::load_page_policy(policy_text, bases);
    if (load.policy)
      engine_.emplace(std::move(*load.policy));
    else
      error_ = *load.error;
  }

  std::string error(const std::string& lang) const {
    return error_ ? xueshe::to_json_text(xueshe::error_body(*error_, lang_or_default(lang))) : "";
  }

  std::string evaluate(const std::string& answers, const std::string& today, const std::string& lang) const {
    return call(today, lang, [&](xueshe::Date day, const std::string& l) { return engine_->evaluate_json(answers, day, l); });
  }

  // What a share link carries for these answers, and what it says of them (xueshe/share.hpp).
  std::string share(const std::string& answers, const std::string& today, const std::string& lang) const {
    return call(today, lang, [&](xueshe::Date day, const std::string& l) { return xueshe::share_json(*engine_, answers, day, l); });
  }

 private:
  // The policy's error, or a bad language or as-of date, else what `run` gives.
  template <class Run>
  std::string call(const std::string& today, const std::string& lang_in, Run run) const {
    const std::string lang = lang_or_default(lang_in);
    if (error_) return error(lang);
    if (!xueshe::is_supported_language(lang_in))
      return xueshe::to_json_text(xueshe::error_body(Error{"bad_lang", "lang", {{"got", lang_in}}}, lang));
    auto day = xueshe::parse_iso_date(today);
    if (!day) return xueshe::to_json_text(xueshe::error_body(Error{"bad_today", "today", {{"got", today}}}, lang));
    return xueshe::to_json_text(run(*day, lang).body);
  }

  std::optional<Engine> engine_;
  std::optional<Error> error_;
};

std::string catalog(const std::string& lang) { return xueshe::to_json_text(xueshe::catalog(lang_or_default(lang))); }

}  // namespace

EMSCRIPTEN_BINDINGS(xueshe) {
  emscripten::class_<WasmEngine>("Engine")
      .constructor<std::string, std::string>()
      .function("error", &WasmEngine::error)
      .function("evaluate", &WasmEngine::evaluate)
      .function("share", &WasmEngine::share);
  emscripten::function("catalog", &catalog);
}
