#pragma once
// A mixed-integer model for CBC (COIN-OR branch and cut), owned in one RAII object: rows are
// collected here and loaded into a Cbc_Model in one call (adding them one by one copies the
// matrix each time), the model is freed by the destructor on every path. Minimisation only.

#include <memory>
#include <span>
#include <string>
#include <vector>

namespace caremap::plan {

struct CbcOutcome {
  bool optimal = false;   ///< proven optimal (of the relaxation when solved relaxed)
  bool feasible = false;  ///< a solution was found
  double objective = 0.0;
  double bound = 0.0;          ///< best possible objective (= objective when optimal)
  std::vector<double> values;  ///< one per column, empty when !feasible
  double seconds = 0.0;        ///< the solve alone (loading included), wall time
};

class CbcModel {
 public:
  CbcModel();
  ~CbcModel();
  CbcModel(const CbcModel&) = delete;
  CbcModel& operator=(const CbcModel&) = delete;

  /// Adds a column with bounds and objective coefficient; returns its index.
  int add_column(double lower, double upper, double objective, bool integer);
  /// Adds lower <= sum(coef * x[index]) <= upper (use +-infinity for one-sided rows).
  void add_row(std::span<const int> index, std::span<const double> coef, double lower,
               double upper);

  int columns() const { return static_cast<int>(m_lower.size()); }
  int rows() const { return static_cast<int>(m_row_lower.size()); }

  /// Solves once (the model can be solved again, e.g. relaxed then exact). `relax`: integrality
  /// dropped, which gives the LP bound. `time_limit_s` <= 0: none.
  CbcOutcome solve(bool relax, double time_limit_s) const;

  /// "CBC 2.10.8".
  static std::string version();

 private:
  std::vector<double> m_lower, m_upper, m_objective;
  std::vector<char> m_integer;
  std::vector<int> m_row_start{0};
  std::vector<int> m_row_index;
  std::vector<double> m_row_coef, m_row_lower, m_row_upper;
};

}  // namespace caremap::plan
