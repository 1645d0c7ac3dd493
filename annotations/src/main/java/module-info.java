/**
 * abiguard's annotations, which mirror C's integer widths and layouts in Java, and the small
 * runtime that the generated marshallers call ({@link org.abiguard.AbiRuntime}, {@link
 * org.abiguard.AbiCodec}, {@link org.abiguard.Abi}). A modular build that uses abiguard says {@code
 * requires org.abiguard;}, and {@code requires static java.compiler;} for the {@code @Generated} on
 * each marshaller.
 */
module org.abiguard {
  exports org.abiguard;
}
