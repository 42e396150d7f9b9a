// Benefit figures: the pack's expressions (see Expr in policy_pack.hpp).
#include "evaluation.hpp"

#include <algorithm>
#include <cmath>

namespace talent {

namespace {

// Amounts are computed to the fen.
Datum money(double x) { return Datum::of(std::round(x * 100) / 100); }

std::optional<Datum> field_datum(const FieldSpec& spec, const Value& v) {
  switch (v.kind) {
    case Value::Kind::Boolean: return Datum::of(v.flag);
    case Value::Kind::Number: return Datum::of(v.number);
    case Value::Kind::Enum:
    case Value::Kind::Text:
    case Value::Kind::Date: return Datum::of(value_key(spec, v));
    default: return std::nullopt;
  }
}

std::optional<Datum> parameter_value(const Parameter& p, const FigureContext& ctx) {
  const Datum* at = &p.values;
  for (const std::string& name : p.by) {
    // A field of the record at hand first (a team member's own category),
    // else a bound name (the category an outcome was decided with).
    std::string key;
    if (int i = ctx.schema->find(name); i >= 0) {
      if (!ctx.record->values[i].known()) return std::nullopt;
      key = value_key(ctx.schema->fields[i], ctx.record->values[i]);
    } else if (const std::string* bound = find_binding(ctx.bindings, name)) {
      key = *bound;
    } else {
      return std::nullopt;
    }
    at = at->find(key);
    if (!at) return std::nullopt;
  }
  return *at;
}

std::optional<double> number_of(const Expr& e, const FigureContext& ctx) {
  auto v = evaluate_figure(e, ctx);
  if (!v || !v->is_number()) return std::nullopt;
  return v->number;
}

std::optional<Datum> arithmetic(const Expr& e, const FigureContext& ctx) {
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
    case Expr::Kind::Lt: return Datum::of(xs[0] < xs[1]);
    case Expr::Kind::Le: return Datum::of(xs[0] <= xs[1]);
    case Expr::Kind::Gt: return Datum::of(xs[0] > xs[1]);
    case Expr::Kind::Ge: return Datum::of(xs[0] >= xs[1]);
    default: return std::nullopt;
  }
  return money(r);
}

}  // namespace

std::optional<Datum> evaluate_figure(const Expr& e, const FigureContext& ctx) {
  switch (e.kind) {
    case Expr::Kind::Literal: return e.literal;
    case Expr::Kind::Param: return parameter_value(ctx.pack.parameters[e.index], ctx);
    case Expr::Kind::Field: return field_datum(ctx.schema->fields[e.index], ctx.record->values[e.index]);
    case Expr::Kind::Ref: return (*ctx.fields)[e.index];
    case Expr::Kind::Bound: {
      const std::string* v = find_binding(ctx.bindings, e.bound);
      return v ? std::optional<Datum>(Datum::of(*v)) : std::nullopt;
    }
    case Expr::Kind::In: {
      auto v = evaluate_figure(e.args[0], ctx);
      if (!v) return std::nullopt;
      std::string key = v->text;
      if (v->is_number()) key.clear(), write_number(key, v->number);
      return Datum::of(std::find(e.keys.begin(), e.keys.end(), key) != e.keys.end());
    }
    case Expr::Kind::If: {
      auto c = evaluate_figure(e.args[0], ctx);
      if (!c || c->kind != Datum::Kind::Boolean) return e.has_unknown_branch ? evaluate_figure(e.args[3], ctx) : std::nullopt;
      return evaluate_figure(e.args[c->flag ? 1 : 2], ctx);
    }
    case Expr::Kind::Each: {
      const FieldSpec& spec = ctx.schema->fields[e.index];
      if (!ctx.record->values[e.index].known()) return std::nullopt;  // a list not given
      Datum out;
      out.kind = Datum::Kind::Array;
      for (const Record& item : ctx.record->values[e.index].records) {
        FigureContext inner{ctx.pack, spec.item.get(), &item, ctx.bindings, nullptr};
        auto v = evaluate_figure(e.args[0], inner);
        out.items.push_back(v ? std::move(*v) : Datum{});
      }
      return out;
    }
    case Expr::Kind::Object: {
      Datum out;
      out.kind = Datum::Kind::Object;
      for (std::size_t i = 0; i < e.keys.size(); ++i)
        if (auto v = evaluate_figure(e.args[i], ctx)) out.members.emplace_back(e.keys[i], std::move(*v));
      return out;
    }
    default: return arithmetic(e, ctx);
  }
}

}  // namespace talent
