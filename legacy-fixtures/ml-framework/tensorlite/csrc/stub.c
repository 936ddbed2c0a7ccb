#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include "tensorlite/core/tensor.h"

static PyObject *tl_version(PyObject *self, PyObject *args) {
    return PyUnicode_FromString(TL_VERSION);
}

static PyObject *tl_add(PyObject *self, PyObject *args) {
    double a, b;
    if (!PyArg_ParseTuple(args, "dd", &a, &b))
        return NULL;
    return PyFloat_FromDouble(tl_scalar_add(a, b));
}

static PyMethodDef tl_methods[] = {
    {"version", tl_version, METH_NOARGS, "Build version."},
    {"add", tl_add, METH_VARARGS, "Add two numbers."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef tl_module = {PyModuleDef_HEAD_INIT, "_C", NULL, -1, tl_methods};

PyMODINIT_FUNC PyInit__C(void) { return PyModule_Create(&tl_module); }
