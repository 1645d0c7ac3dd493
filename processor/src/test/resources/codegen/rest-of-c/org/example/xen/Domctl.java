package org.example.xen;

import org.abiguard.AbiAlign;
import org.abiguard.AbiArray;
import org.abiguard.AbiBits;
import org.abiguard.AbiName;
import org.abiguard.AbiStruct;
import org.abiguard.AbiUnion;
import org.abiguard.U16;
import org.abiguard.U32;
import org.abiguard.U64;
import org.abiguard.U8;

/** A subset of Xen's struct xen_domctl: cmd selects the member of the untagged union u. */
public final class Domctl {
  private Domctl() {}

  public static final int XEN_DOMCTL_max_mem = 11;
  public static final int XEN_DOMCTL_max_vcpus = 15;

  @AbiStruct(name = "xen_domctl_max_mem")
  public static class MaxMem {
    @U64 @AbiAlign(8) @AbiName("max_memkb") public long maxMemkb;
  }

  @AbiStruct(name = "xen_domctl_max_vcpus")
  public static class MaxVcpus {
    @U32 public long max;
  }

  @AbiUnion(untagged = true)
  public static class U {
    @AbiName("max_mem") public MaxMem maxMem;
    @AbiName("max_vcpus") public MaxVcpus maxVcpus;
    @AbiArray(128) @U8 public byte[] pad;
  }

  @AbiStruct(name = "xen_domctl")
  public static class XenDomctl {
    @U32 public long cmd;
    @U32 @AbiName("interface_version") public long interfaceVersion;
    @U16 public int domain;
    @AbiArray(3) @U16 @AbiName("_pad") public int[] pad;
    public U u;
  }

  /** struct ioreq (public/hvm/ioreq.h): bit-fields in one byte. */
  @AbiStruct(name = "ioreq")
  public static class Ioreq {
    @U64 public long addr;
    @U64 public long data;
    @U32 public long count;
    @U32 public long size;
    @U32 @AbiName("vp_eport") public long vpEport;
    @U16 @AbiName("_pad0") public int pad0;
    @U8 @AbiBits(4) public int state;
    @U8 @AbiBits(1) @AbiName("data_is_ptr") public int dataIsPtr;
    @U8 @AbiBits(1) public int dir;
    @U8 @AbiBits(1) public int df;
    @U8 @AbiBits(value = 1, unnamed = true) public int pad1;
    @U8 public int type;
  }
}
