module org.example.hv {
  // the package of the mirrors is exported, and the marshallers' public methods name
  // org.abiguard.AbiCodec and carry @Generated: both transitive (see the README, "Java modules")
  requires transitive org.abiguard;
  requires static transitive java.compiler;

  exports org.example.hv;
}
