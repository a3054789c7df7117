using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Genomics.Genotypes.Kernels;

namespace Genomics.Vcf.Kernels;

/// <summary>
/// The GT fast path 8 calls (32 bytes) at a time: one compare per byte class checks the whole pattern, a narrowing
/// keeps the allele bytes, and compare masks give the phase bits and 2-bit codes.
/// </summary>
internal sealed class Vector128DiploidCallDecoder : IDiploidCallDecoder
{
    private const int CallsPerBlock = 8;

    public static bool IsSupported => Vector128.IsHardwareAccelerated && BitConverter.IsLittleEndian;

    public SimdLevel Level => SimdLevel.Vector128;

    public bool TryDecode(ReadOnlySpan<byte> text, int maxAllele, Span<sbyte> alleles, Span<ulong> phased, Span<byte> packed)
    {
        var calls = DiploidCallLayout.CallCount(text.Length, maxAllele, alleles.Length, phased.Length, packed.Length);
        ScalarDiploidCallDecoder.ClearOutputs(calls, phased, packed);
        ref var source = ref MemoryMarshal.GetReference(text);
        ref var alleleTarget = ref Unsafe.As<sbyte, byte>(ref MemoryMarshal.GetReference(alleles));
        var phaseBytes = MemoryMarshal.Cast<ulong, byte>(phased);
        var pattern = new CallPattern128(maxAllele);
        var packing = !packed.IsEmpty;
        var call = 0;

        // A block ends with its last call's tab, so the final call (which has none) is always left to the scalar tail.
        for (; (call + CallsPerBlock) * DiploidCallLayout.Stride <= text.Length; call += CallsPerBlock)
        {
            var offset = (nuint)(call * DiploidCallLayout.Stride);
            var low = Vector128.LoadUnsafe(ref source, offset);
            var high = Vector128.LoadUnsafe(ref source, offset + 16);
            if (!pattern.Matches(low) || !pattern.Matches(high))
            {
                return false;
            }

            Vector128.Narrow(CallPattern128.Alleles(low).AsUInt16(), CallPattern128.Alleles(high).AsUInt16()).StoreUnsafe(ref alleleTarget, (nuint)(2 * call));
            phaseBytes[call >> 3] = (byte)DiploidCallLayout.EveryFourthBit(Join(CallPattern128.Pipes(low), CallPattern128.Pipes(high)) >> 1);
            if (packing)
            {
                var codes = DiploidCallLayout.PackedCodes(Join(CallPattern128.Zeros(low), CallPattern128.Zeros(high)), Join(CallPattern128.Dots(low), CallPattern128.Dots(high)));
                Unsafe.WriteUnaligned(ref packed[call >> 2], (ushort)codes);
            }
        }

        return ScalarDiploidCallDecoder.DecodeUnchecked(text, call, calls, maxAllele, alleles, phased, packed);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Join(uint low, uint high) => low | ((ulong)high << 16);
}
