#include "expression.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace talent {

Json number_json(double x) {
  const double cents = std::round(x * 100) / 100;
  if (std::fabs(cents) < 9e15 && cents == std::floor(cents)) return static_cast<std::int64_t>(cents);
  return cents;
}

namespace {

std::optional<Json> field_json(const FieldSpec& spec, const Value& v) {
  switch (v.kind) {
    case Value::Kind::Boolean: return Json(v.flag);
    case Value::Kind::Number: return number_json(v.number);
    case Value::Kind::Enum:
    case Value::Kind::Text:
    case Value::Kind::Date: return Json(value_key(spec, v));
    default: return std::nullopt;
  }
}

std::optional<Json> parameter_value(const Parameter& p, const ExprContext& ctx) {
  const Json* at = &p.values;
  for (const std::string& name : p.by) {
    std::string key;
    if (const std::string* bound = find_binding(ctx.bindings, name)) key = *bound;
    else if (int i = ctx.schema->find(name); i >= 0 && ctx.record->values[i].known())
      key = value_key(ctx.schema->fields[i], ctx.record->values[i]);
    else return std::nullopt;
    at = member(*at, key.c_str());
    if (!at) return std::nullopt;
  }
  return *at;
}

std::optional<double> number_of(const Expr& e, const ExprContext& ctx) {
  auto v = evaluate_expr(e, ctx);
  if (!v || !v->is_number()) return std::nullopt;
  return v->get<double>();
}

std::optional<Json> arithmetic(const Expr& e, const ExprContext& ctx) {
  std::vector<double> xs;
  for (const Expr& a : e.args) {
    auto x = number_of(a, ctx);
    if (!x) return std::nullopt;
    xs.push_back(*x);
  }
  double r = xs[0];
  switch (e.kind) {
    case Expr::Kind::Add: for (std::size_t i = 1; i < xs.size(); ++i) r += xs[i]; break;
    case Expr::Kind::Sub: r = xs[0] - xs[1]; break;
    case Expr::Kind::Mul: for (std::size_t i = 1; i < xs.size(); ++i) r *= xs[i]; break;
    case Expr::Kind::Min: r = *std::min_element(xs.begin(), xs.end()); break;
    case Expr::Kind::Max: r = *std::max_element(xs.begin(), xs.end()); break;
    case Expr::Kind::Lt: return Json(xs[0] < xs[1]);
    case Expr::Kind::Le: return Json(xs[0] <= xs[1]);
    case Expr::Kind::Gt: return Json(xs[0] > xs[1]);
    case Expr::Kind::Ge: return Json(xs[0] >= xs[1]);
    default: return std::nullopt;
  }
  return number_json(r);
}

}  // namespace

std::optional<Json> evaluate_expr(const Expr& e, const ExprContext& ctx) {
  switch (e.kind) {
    case Expr::Kind::Literal: return e.literal;
    case Expr::Kind::Param: return parameter_value(ctx.pack.parameters[e.index], ctx);
    case Expr::Kind::Field: return field_json(ctx.schema->fields[e.index], ctx.record->values[e.index]);
    case Expr::Kind::Ref: return (*ctx.fields)[e.index];
    case Expr::Kind::Bound: {
      const std::string* v = find_binding(ctx.bindings, e.name);
      return v ? std::optional<Json>(*v) : std::nullopt;
    }
    case Expr::Kind::If: {
      auto c = evaluate_expr(e.args[0], ctx);
      if (!c || !c->is_boolean()) return e.has_unknown_branch ? evaluate_expr(e.args[3], ctx) : std::nullopt;
      return evaluate_expr(e.args[c->get<bool>() ? 1 : 2], ctx);
    }
    case Expr::Kind::Each: {
      const FieldSpec& spec = ctx.schema->fields[e.index];
      Json out = Json::array();
      for (const Record& item : ctx.record->values[e.index].records) {
        ExprContext inner{ctx.pack, spec.item.get(), &item, ctx.bindings, nullptr};
        auto v = evaluate_expr(e.args[0], inner);
        out.push_back(v ? *v : Json());
      }
      return out;
    }
    case Expr::Kind::Object: {
      Json out = Json::object();
      for (std::size_t i = 0; i < e.keys.size(); ++i)
        if (auto v = evaluate_expr(e.args[i], ctx)) out[e.keys[i]] = *v;
      return out;
    }
    default: return arithmetic(e, ctx);
  }
}

}  // namespace talent
