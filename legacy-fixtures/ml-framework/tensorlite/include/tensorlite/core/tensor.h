#ifndef TENSORLITE_CORE_TENSOR_H
#define TENSORLITE_CORE_TENSOR_H
static inline double tl_scalar_add(double a, double b) { return a + b; }
#endif
