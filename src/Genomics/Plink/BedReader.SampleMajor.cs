using System.IO.MemoryMappedFiles;
using Genomics.Genotypes;
using Microsoft.Win32.SafeHandles;

namespace Genomics.Plink;

/// <summary>Transposition of the legacy sample-major layout into variant rows.</summary>
internal sealed partial class BedReader
{
    /// <summary>
    /// A block of K variants touches a few bytes of every one of the N sample rows, so positioned reads would cost N
    /// system calls per block. The file is memory-mapped instead: the OS pages in what is touched, and nothing is loaded
    /// up front. The layout is rare (PLINK has not written it since 1.07), so a plain bit loop is fast enough.
    /// </summary>
    private sealed unsafe class SampleMajorRows : IDisposable
    {
        private readonly MemoryMappedFile map;
        private readonly MemoryMappedViewAccessor view;
        private readonly byte* origin;
        private readonly int sampleCount;
        private readonly long bytesPerSample;

        public SampleMajorRows(SafeFileHandle handle, int sampleCount, long variantCount)
        {
            this.sampleCount = sampleCount;
            bytesPerSample = BytesPerSampleRow(variantCount);
            map = MemoryMappedFile.CreateFromFile(handle, null, 0, MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: true);
            view = map.CreateViewAccessor(0, 0, MemoryMappedFileAccess.Read);
            byte* pointer = null;
            view.SafeMemoryMappedViewHandle.AcquirePointer(ref pointer);
            origin = pointer + view.PointerOffset + HeaderLength;
        }

        public void Read(long firstVariant, int count, Span<byte> rows)
        {
            rows.Clear();
            var bytesPerVariant = PackedGenotypes.BytesPerRow(sampleCount);
            for (var sample = 0; sample < sampleCount; sample++)
            {
                var sampleRow = origin + (sample * bytesPerSample);
                var column = sample >> 2;
                var shift = (sample & 3) << 1;
                for (var i = 0; i < count; i++)
                {
                    var variant = firstVariant + i;
                    var code = (sampleRow[variant >> 2] >> (int)((variant & 3) << 1)) & 3;
                    rows[(i * bytesPerVariant) + column] |= (byte)(code << shift);
                }
            }
        }

        public void Dispose()
        {
            view.SafeMemoryMappedViewHandle.ReleasePointer();
            view.Dispose();
            map.Dispose();
        }
    }
}
