#ifndef TENSORLITE_MACROS_H
#define TENSORLITE_MACROS_H
#define TL_API
#endif
