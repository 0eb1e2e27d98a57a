// Where a factor kind's rule writes its pieces (each rule is written once, kinds.hpp): ColumnSink adds them
// up for every school at once (evaluate_factor); SchoolSink keeps them for one school (breakdown).
// Internal to engine/factors.
#pragma once

#include <Eigen/Core>
#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "engine/census/census.hpp"
#include "engine/factors/breakdown.hpp"
#include "engine/formula/formula.hpp"

namespace fundsim::kinds {

// Where a value sits below its factor in the formula, one key per level: {"rate", "a", "primary"}.
struct Key {
    std::string_view a, b = {}, c = {};
};

// How a piece reads: the units of its rate and count, the census column counted, and the number the
// formula gives at the rate's path when the rate is derived from it otherwise than by k.
struct Shape {
    Unit rate = Unit::money;
    Unit count = Unit::count;
    std::string_view column = {};
    std::optional<double> given = {};
};

// Every school at once. A rule reads census columns whole through it (operator(), column), and each piece
// is one array operation on the sum; labels, keys and shapes are not even looked at.
class ColumnSink {
  public:
    static constexpr bool one_school = false;

    ColumnSink(const Census& c, bool uplift, const Eigen::ArrayXd& filter,
               const std::vector<Eigen::ArrayXd>& amounts)
        : census(c), reception_uplift(uplift), mask(filter), earlier_(amounts) {}

    const Census& census;
    const bool reception_uplift;
    const Eigen::ArrayXd& mask;  // the factor's phase/status filter (1 where it applies)

    const Eigen::ArrayXd& operator()(const Eigen::ArrayXd& column) const { return column; }
    const Eigen::ArrayXd& column(const std::string& name) const { return census.cached(name); }
    Eigen::ArrayXd zero() const { return Eigen::ArrayXd::Zero(static_cast<Eigen::Index>(census.size)); }
    // london_fringe: the amounts of the formula's factors.
    const std::vector<Eigen::ArrayXd>& earlier() const { return earlier_; }
    template <class X>
    auto above_zero(const X& x) const {
        return x.max(0.0);
    }

    // A piece worth rate × count.
    template <class Label, class X>
    void term(const Label&, double rate, const Key&, const X& count, std::string_view = {}) {
        add(rate * count);
    }
    // A piece whose amount is not rate × count (weights, a share of a pot, an uplift on other factors).
    template <class Label, class X, class A>
    void piece(const Label&, double, const Key&, const X&, const A& amount, const Shape& = {}) {
        add(amount);
    }
    // The first piece is assigned and the next ones added in order, one pass each: the same sums in the
    // same order as the one-school form. A kind whose column form is a fast path of its own (proven equal
    // to its one-school form by test) adds its amounts whole.
    template <class A>
    void add(A&& amounts) {
        if (started_) {
            sum_ += amounts;
        } else {
            sum_ = std::forward<A>(amounts);
            started_ = true;
        }
    }

    // The sum of the pieces (zero for every school when there were none).
    Eigen::ArrayXd& out() {
        if (!started_) add(zero());
        return sum_;
    }

  private:
    const std::vector<Eigen::ArrayXd>& earlier_;
    Eigen::ArrayXd sum_;
    bool started_ = false;
};

// One school: each piece kept with its words, its count and the formula path of its rate; notes on how
// the non-linear rules came out. Money values are scaled by k (the factor multiplier lever).
class SchoolSink {
  public:
    static constexpr bool one_school = true;

    SchoolSink(const Factor& f, const Census& c, std::size_t row, const BreakdownOptions& o,
               FactorBreakdown& b);

    const Factor& factor;
    const Census& census;
    const bool reception_uplift;
    const std::size_t school;
    const Eigen::Index i;
    const double k;

    double operator()(const Eigen::ArrayXd& column) const { return column[i]; }
    double column(const std::string& name) const { return census.cached(name)[i]; }
    double zero() const { return 0.0; }
    static double above_zero(double x) { return std::max(0.0, x); }
    const std::vector<Eigen::ArrayXd>& earlier() const;

    template <class Label>
    void term(const Label& label, double rate, const Key& key, double count, std::string_view column = {}) {
        piece(label, rate, key, count, rate * count, Shape{Unit::money, Unit::count, column});
    }
    // `amount` before k; a money rate is shown after k.
    template <class Label>
    void piece(const Label& label, double rate, const Key& key, double count, double amount,
               const Shape& shape = {}) {
        Component c;
        c.label = words(label);
        c.column = std::string(shape.column);
        c.rate = shape.rate == Unit::money ? money(rate, key) : value(rate, key);
        if (shape.given) c.rate.given = *shape.given;
        c.rate_unit = shape.rate;
        c.count = count;
        c.count_unit = shape.count;
        c.amount = amount * k;
        out_.components.push_back(std::move(c));
    }
    template <class N>
    void note(N&& n) {
        out_.notes.emplace_back(std::forward<N>(n));
    }

    Provenance source(const Key& key) const;
    Param money(double v, const Key& key) const { return Param{v * k, v, source(key)}; }  // scaled by k
    Param value(double v, const Key& key) const { return Param{v, v, source(key)}; }      // not scaled

  private:
    template <class Label>
    static std::string words(const Label& label) {
        if constexpr (std::is_invocable_v<const Label&>)
            return label();
        else
            return std::string(label);
    }

    const BreakdownOptions& options_;
    FactorBreakdown& out_;
};

}  // namespace fundsim::kinds
