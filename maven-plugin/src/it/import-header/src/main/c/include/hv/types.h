#ifndef HV_TYPES_H
#define HV_TYPES_H
#include <stdint.h>
typedef uint16_t domid_t;
#endif
