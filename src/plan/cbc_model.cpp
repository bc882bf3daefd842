#include "plan/cbc_model.hpp"

#include <Cbc_C_Interface.h>

#include <chrono>
#include <limits>

#include "core/error.hpp"

namespace caremap::plan {

namespace {

struct CbcDeleter {
  void operator()(Cbc_Model* m) const { Cbc_deleteModel(m); }
};
using CbcPtr = std::unique_ptr<Cbc_Model, CbcDeleter>;

}  // namespace

CbcModel::CbcModel() = default;
CbcModel::~CbcModel() = default;

int CbcModel::add_column(double lower, double upper, double objective, bool integer) {
  m_lower.push_back(lower);
  m_upper.push_back(upper);
  m_objective.push_back(objective);
  m_integer.push_back(integer ? 1 : 0);
  return columns() - 1;
}

void CbcModel::add_row(std::span<const int> index, std::span<const double> coef, double lower,
                       double upper) {
  if (index.size() != coef.size()) {
    throw core::ArgumentError("CBC row: index and coefficient counts differ");
  }
  m_row_index.insert(m_row_index.end(), index.begin(), index.end());
  m_row_coef.insert(m_row_coef.end(), coef.begin(), coef.end());
  m_row_start.push_back(static_cast<int>(m_row_index.size()));
  m_row_lower.push_back(lower);
  m_row_upper.push_back(upper);
}

CbcOutcome CbcModel::solve(bool relax, double time_limit_s) const {
  const auto start = std::chrono::steady_clock::now();
  // Cbc_loadProblem takes the matrix by columns: transpose the rows collected.
  const int n = columns();
  std::vector<int> col_start(static_cast<std::size_t>(n) + 1, 0);
  for (int idx : m_row_index) {
    ++col_start[static_cast<std::size_t>(idx) + 1];
  }
  for (int c = 0; c < n; ++c) {
    col_start[c + 1] += col_start[c];
  }
  std::vector<int> col_row(m_row_index.size());
  std::vector<double> col_coef(m_row_index.size());
  std::vector<int> fill(col_start.begin(), col_start.end() - 1);
  for (int r = 0; r < rows(); ++r) {
    for (int k = m_row_start[r]; k < m_row_start[r + 1]; ++k) {
      const int pos = fill[m_row_index[k]]++;
      col_row[pos] = r;
      col_coef[pos] = m_row_coef[k];
    }
  }
  CbcPtr model(Cbc_newModel());
  Cbc_setLogLevel(model.get(), 0);
  Cbc_loadProblem(model.get(), n, rows(), col_start.data(), col_row.data(), col_coef.data(),
                  m_lower.data(), m_upper.data(), m_objective.data(), m_row_lower.data(),
                  m_row_upper.data());
  Cbc_setObjSense(model.get(), 1.0);
  if (!relax) {
    for (int c = 0; c < n; ++c) {
      if (m_integer[c]) {
        Cbc_setInteger(model.get(), c);
      }
    }
  }
  if (time_limit_s > 0.0) {
    Cbc_setMaximumSeconds(model.get(), time_limit_s);
  }
  Cbc_solve(model.get());
  CbcOutcome out;
  out.optimal = Cbc_isProvenOptimal(model.get()) != 0;
  const double* values = Cbc_getColSolution(model.get());
  out.feasible = values != nullptr && Cbc_isProvenInfeasible(model.get()) == 0 &&
                 (relax ? out.optimal : Cbc_bestSolution(model.get()) != nullptr || out.optimal);
  out.objective = Cbc_getObjValue(model.get());
  out.bound = relax ? out.objective : Cbc_getBestPossibleObjValue(model.get());
  if (out.optimal) {
    out.bound = out.objective;
  }
  if (out.feasible) {
    out.values.assign(values, values + n);
  }
  out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return out;
}

std::string CbcModel::version() {
  return std::string("CBC ") + Cbc_getVersion();
}

}  // namespace caremap::plan
