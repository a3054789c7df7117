using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Genomics.Tests.Plink;

/// <summary>
/// Just enough of the NumPy .npy format for the expected-value files: little-endian float64 ('&lt;f8'), two dimensions,
/// either order. Header: magic "\x93NUMPY", version, header length (2 bytes in v1, 4 in v2/v3), a Python dict literal.
/// </summary>
internal sealed partial class NpyMatrix
{
    private readonly double[] values;

    private NpyMatrix(int rows, int columns, bool fortranOrder, double[] values)
    {
        Rows = rows;
        Columns = columns;
        FortranOrder = fortranOrder;
        this.values = values;
    }

    public int Rows { get; }

    public int Columns { get; }

    public bool FortranOrder { get; }

    public double this[int row, int column] => FortranOrder ? values[row + (column * Rows)] : values[(row * Columns) + column];

    public static NpyMatrix Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < 10 || bytes[0] != 0x93 || !bytes.AsSpan(1, 5).SequenceEqual("NUMPY"u8))
        {
            throw new InvalidDataException($"{path}: not a .npy file");
        }

        var major = bytes[6];
        var (headerLength, headerStart) = major == 1
            ? (BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(8)), 10)
            : ((int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(8)), 12);
        var header = Encoding.ASCII.GetString(bytes, headerStart, headerLength);
        if (!header.Contains("'descr': '<f8'", StringComparison.Ordinal))
        {
            throw new InvalidDataException($"{path}: only little-endian float64 is supported, header is {header}");
        }

        var shape = ShapePattern().Match(header);
        var rows = int.Parse(shape.Groups[1].Value, CultureInfo.InvariantCulture);
        var columns = int.Parse(shape.Groups[2].Value, CultureInfo.InvariantCulture);
        var fortran = header.Contains("'fortran_order': True", StringComparison.Ordinal);
        var data = bytes.AsSpan(headerStart + headerLength);
        var values = new double[rows * columns];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = BinaryPrimitives.ReadDoubleLittleEndian(data[(8 * i)..]);
        }

        return new NpyMatrix(rows, columns, fortran, values);
    }

    [GeneratedRegex(@"'shape': \((\d+), (\d+)\)")]
    private static partial Regex ShapePattern();
}
