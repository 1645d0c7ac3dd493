#ifndef HV_HV_H
#define HV_HV_H
#include <hv/types.h>

struct hv_request {
    domid_t domid;
    uint16_t flags;
    uint32_t op;
    unsigned long arg;
    uint8_t kind;
};

#endif
