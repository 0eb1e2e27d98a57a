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

// Every school at once. A rule reads census columns whole through it (operator(), column), and its pieces
// are added to the sum as array operations, a few in one pass; labels, keys and shapes are not looked at.
class ColumnSink {
  public:
    static constexpr bool one_school = false;

    ColumnSink(const Census& c, bool uplift, const Eigen::ArrayXd& filter,
               const std::vector<Eigen::ArrayXd>& amounts)
        : census(c), reception_uplift(uplift), mask(filter), earlier_(amounts) {}

    const Census& census;
    const bool reception_uplift;
    const Eigen::ArrayXd& mask;  // the factor's phase/status filter (1 where it applies)

    // A census column (or one of `earlier`) as read through the sink: an array that outlives the
    // evaluation, so that a piece counting it may wait (term). Not for an array the rule computed.
    using Column = Eigen::Map<const Eigen::ArrayXd, Eigen::AlignedMax>;
    Column operator()(const Eigen::ArrayXd& column) const { return Column(column.data(), column.size()); }
    Column column(const std::string& name) const { return (*this)(census.cached(name)); }
    Eigen::ArrayXd zero() const { return Eigen::ArrayXd::Zero(static_cast<Eigen::Index>(census.size)); }
    // london_fringe: the amounts of the formula's factors.
    const std::vector<Eigen::ArrayXd>& earlier() const { return earlier_; }
    template <class X>
    auto above_zero(const X& x) const {
        return x.max(0.0);
    }

    // A piece worth rate × count. Pieces that count a census column as it is wait to be added up to four
    // at a time in one pass; any other piece adds those waiting first, so the order of the sums is kept.
    template <class Label, class X>
    void term(const Label&, double rate, const Key&, const X& count, std::string_view = {}) {
        if constexpr (std::is_same_v<X, Column>) {
            if (waiting_ == kWait) flush();
            rate_[waiting_] = rate;
            count_[waiting_++] = count.data();
        } else {
            add(rate * count);
        }
    }
    // A piece whose amount is not rate × count (weights, a share of a pot, an uplift on other factors).
    template <class Label, class X, class A>
    void piece(const Label&, double, const Key&, const X&, const A& amount, const Shape& = {}) {
        add(amount);
    }
    // Amounts for every school, added after the pieces before them: the first is assigned, the next ones
    // added in order, the same sums in the same order as the one-school form. A kind whose column form is
    // a fast path of its own (proven equal to its one-school form by test) adds its amounts whole.
    template <class A>
    void add(A&& amounts) {
        flush();
        if (started_) {
            sum_ += amounts;
        } else {
            sum_ = std::forward<A>(amounts);
            started_ = true;
        }
    }

    // The sum of the pieces (zero for every school when there were none).
    Eigen::ArrayXd& out() {
        flush();
        if (!started_) add(zero());
        return sum_;
    }

  private:
    // The waiting pieces in one pass: ((sum + a) + b) + c, as the one-school form adds them.
    void flush() {
        const std::size_t n = waiting_;
        waiting_ = 0;
        if (n == 0) return;
        const double* r = rate_;
        const Eigen::Index size = static_cast<Eigen::Index>(census.size);
        const Column x[kWait] = {Column(count_[0], n > 0 ? size : 0), Column(count_[1], n > 1 ? size : 0),
                                 Column(count_[2], n > 2 ? size : 0), Column(count_[3], n > 3 ? size : 0)};
        if (!started_) {
            started_ = true;
            switch (n) {
                case 1:
                    sum_ = r[0] * x[0];
                    return;
                case 2:
                    sum_ = r[0] * x[0] + r[1] * x[1];
                    return;
                case 3:
                    sum_ = r[0] * x[0] + r[1] * x[1] + r[2] * x[2];
                    return;
                default:
                    sum_ = r[0] * x[0] + r[1] * x[1] + r[2] * x[2] + r[3] * x[3];
                    return;
            }
        }
        switch (n) {
            case 1:
                sum_ = sum_ + r[0] * x[0];
                return;
            case 2:
                sum_ = sum_ + r[0] * x[0] + r[1] * x[1];
                return;
            case 3:
                sum_ = sum_ + r[0] * x[0] + r[1] * x[1] + r[2] * x[2];
                return;
            default:
                sum_ = sum_ + r[0] * x[0] + r[1] * x[1] + r[2] * x[2] + r[3] * x[3];
                return;
        }
    }

    static constexpr std::size_t kWait = 4;
    const std::vector<Eigen::ArrayXd>& earlier_;
    Eigen::ArrayXd sum_;
    bool started_ = false;
    double rate_[kWait] = {};
    const double* count_[kWait] = {};
    std::size_t waiting_ = 0;
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
