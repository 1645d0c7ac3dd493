#ifndef HV_H
#define HV_H
#include <stdint.h>

struct hv_request {
    uint16_t domid;
    uint16_t flags;
    uint32_t op;
    unsigned long arg;
    uint8_t kind;
};

#endif
