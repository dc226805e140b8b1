using System.Runtime.CompilerServices;
using System.Text;

namespace LinkService.Linkage.Phonetics;

/// <summary>
/// Double Metaphone (Lawrence Philips, C/C++ Users Journal, June 2000): a primary and an alternate
/// code of up to four characters, written here from the published rules.
/// </summary>
public static partial class DoubleMetaphone
{
    private const int MaxLength = 4;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static (string Primary, string Alternate) Encode(string value)
    {
        var word = Prepare(value);
        if (word.Length == 0)
        {
            return ("", "");
        }

        var state = new Coder(word);
        state.Run();
        return (state.Primary, state.Alternate);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static string Prepare(string value)
    {
        var sb = new StringBuilder(value.Length);
        foreach (var raw in value)
        {
            var ch = char.ToUpperInvariant(raw);
            if (ch is >= 'A' and <= 'Z' or 'Ç' or 'Ñ')
            {
                sb.Append(ch);
            }
        }

        return sb.ToString();
    }

    private sealed partial class Coder
    {
        private readonly string _w;
        private readonly int _last;
        private readonly StringBuilder _primary = new(8);
        private readonly StringBuilder _alternate = new(8);
        private readonly bool _slavoGermanic;

        public Coder(string word)
        {
            _w = word;
            _last = word.Length - 1;
            _slavoGermanic = word.Contains('W', StringComparison.Ordinal) || word.Contains('K', StringComparison.Ordinal)
                || word.Contains("CZ", StringComparison.Ordinal) || word.Contains("WITZ", StringComparison.Ordinal);
        }

        public string Primary => Cut(_primary);

        public string Alternate => Cut(_alternate);

        private static string Cut(StringBuilder sb) => sb.Length > MaxLength ? sb.ToString(0, MaxLength) : sb.ToString();

        private char At(int i) => i >= 0 && i < _w.Length ? _w[i] : '\0';

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private bool Is(int start, params string[] options)
        {
            if (start < 0)
            {
                return false;
            }

            foreach (var option in options)
            {
                if (start + option.Length <= _w.Length && string.CompareOrdinal(_w, start, option, 0, option.Length) == 0)
                {
                    return true;
                }
            }

            return false;
        }

        private bool IsVowel(int i) => At(i) is 'A' or 'E' or 'I' or 'O' or 'U' or 'Y';

        private void Add(string both) => Add(both, both);

        private void Add(string primary, string alternate)
        {
            _primary.Append(primary);
            _alternate.Append(alternate);
        }

        private bool Done => _primary.Length >= MaxLength && _alternate.Length >= MaxLength;

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Run()
        {
            var i = 0;
            if (Is(0, "GN", "KN", "PN", "WR", "PS"))
            {
                i = 1;
            }

            if (At(0) == 'X')
            {
                Add("S");
                i = 1;
            }

            while (i <= _last && !Done)
            {
                i = Step(i);
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private int Step(int i)
        {
            var ch = At(i);
            switch (ch)
            {
                case 'A' or 'E' or 'I' or 'O' or 'U' or 'Y':
                    if (i == 0)
                    {
                        Add("A");
                    }

                    return i + 1;
                case 'B':
                    Add("P");
                    return At(i + 1) == 'B' ? i + 2 : i + 1;
                case 'Ç':
                    Add("S");
                    return i + 1;
                case 'C':
                    return C(i);
                case 'D':
                    if (Is(i, "DG"))
                    {
                        if (Is(i + 2, "I", "E", "Y"))
                        {
                            Add("J");
                            return i + 3;
                        }

                        Add("TK");
                        return i + 2;
                    }

                    Add("T");
                    return Is(i, "DT", "DD") ? i + 2 : i + 1;
                case 'F':
                    Add("F");
                    return At(i + 1) == 'F' ? i + 2 : i + 1;
                case 'G':
                    return G(i);
                case 'H':
                    if ((i == 0 || IsVowel(i - 1)) && IsVowel(i + 1))
                    {
                        Add("H");
                        return i + 2;
                    }

                    return i + 1;
                case 'J':
                    return J(i);
                case 'K':
                    Add("K");
                    return At(i + 1) == 'K' ? i + 2 : i + 1;
                case 'L':
                    if (At(i + 1) == 'L')
                    {
                        if ((i == _last - 2 && Is(i - 1, "ILLO", "ILLA", "ALLE"))
                            || ((Is(_last - 1, "AS", "OS") || Is(_last, "A", "O")) && Is(i - 1, "ALLE")))
                        {
                            Add("L", "");
                            return i + 2;
                        }

                        Add("L");
                        return i + 2;
                    }

                    Add("L");
                    return i + 1;
                case 'M':
                    Add("M");
                    return (Is(i - 1, "UMB") && (i + 1 == _last || Is(i + 2, "ER"))) || At(i + 1) == 'M' ? i + 2 : i + 1;
                case 'N':
                    Add("N");
                    return At(i + 1) == 'N' ? i + 2 : i + 1;
                case 'Ñ':
                    Add("N");
                    return i + 1;
                case 'P':
                    if (At(i + 1) == 'H')
                    {
                        Add("F");
                        return i + 2;
                    }

                    Add("P");
                    return At(i + 1) is 'P' or 'B' ? i + 2 : i + 1;
                case 'Q':
                    Add("K");
                    return At(i + 1) == 'Q' ? i + 2 : i + 1;
                case 'R':
                    if (i == _last && !_slavoGermanic && Is(i - 2, "IE") && !Is(i - 4, "ME", "MA"))
                    {
                        Add("", "R");
                    }
                    else
                    {
                        Add("R");
                    }

                    return At(i + 1) == 'R' ? i + 2 : i + 1;
                case 'S':
                    return S(i);
                case 'T':
                    return T(i);
                case 'V':
                    Add("F");
                    return At(i + 1) == 'V' ? i + 2 : i + 1;
                case 'W':
                    return W(i);
                case 'X':
                    if (!(i == _last && (Is(i - 3, "IAU", "EAU") || Is(i - 2, "AU", "OU"))))
                    {
                        Add("KS");
                    }

                    return At(i + 1) is 'C' or 'X' ? i + 2 : i + 1;
                case 'Z':
                    if (At(i + 1) == 'H')
                    {
                        Add("J");
                        return i + 2;
                    }

                    if (Is(i + 1, "ZO", "ZI", "ZA") || (_slavoGermanic && i > 0 && At(i - 1) != 'T'))
                    {
                        Add("S", "TS");
                    }
                    else
                    {
                        Add("S");
                    }

                    return At(i + 1) == 'Z' ? i + 2 : i + 1;
                default:
                    return i + 1;
            }
        }
    }
}
