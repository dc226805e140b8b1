namespace LinkService.Linkage.Phonetics;

/// <summary>The consonants whose rules run long: C, G, J, S, T and W.</summary>
public static partial class DoubleMetaphone
{
    private sealed partial class Coder
    {
        private bool Germanic => Is(0, "VAN", "VON", "SCH");

        private int C(int i)
        {
            if (i > 1 && !IsVowel(i - 2) && Is(i - 1, "ACH") && At(i + 2) != 'I' && (At(i + 2) != 'E' || Is(i - 2, "BACHER", "MACHER")))
            {
                Add("K");
                return i + 2;
            }

            if (i == 0 && Is(i, "CAESAR"))
            {
                Add("S");
                return i + 2;
            }

            if (Is(i, "CHIA"))
            {
                Add("K");
                return i + 2;
            }

            if (Is(i, "CH"))
            {
                if (i > 0 && Is(i, "CHAE"))
                {
                    Add("K", "X");
                }
                else if (i == 0 && (Is(i + 1, "HARAC", "HARIS") || Is(i + 1, "HOR", "HYM", "HIA", "HEM")) && !Is(0, "CHORE"))
                {
                    Add("K");
                }
                else if (Germanic || Is(i - 2, "ORCHES", "ARCHIT", "ORCHID") || Is(i + 2, "T", "S")
                    || ((Is(i - 1, "A", "O", "U", "E") || i == 0) && (Is(i + 2, "L", "R", "N", "M", "B", "H", "F", "V", "W") || i + 2 > _last)))
                {
                    Add("K");
                }
                else if (i > 0)
                {
                    if (Is(0, "MC"))
                    {
                        Add("K");
                    }
                    else
                    {
                        Add("X", "K");
                    }
                }
                else
                {
                    Add("X");
                }

                return i + 2;
            }

            if (Is(i, "CZ") && !Is(i - 2, "WICZ"))
            {
                Add("S", "X");
                return i + 2;
            }

            if (Is(i + 1, "CIA"))
            {
                Add("X");
                return i + 3;
            }

            if (Is(i, "CC") && !(i == 1 && At(0) == 'M'))
            {
                if (Is(i + 2, "I", "E", "H") && !Is(i + 2, "HU"))
                {
                    if ((i == 1 && At(i - 1) == 'A') || Is(i - 1, "UCCEE", "UCCES"))
                    {
                        Add("KS");
                    }
                    else
                    {
                        Add("X");
                    }

                    return i + 3;
                }

                Add("K");
                return i + 2;
            }

            if (Is(i, "CK", "CG", "CQ"))
            {
                Add("K");
                return i + 2;
            }

            if (Is(i, "CI", "CE", "CY"))
            {
                if (Is(i, "CIO", "CIE", "CIA"))
                {
                    Add("S", "X");
                }
                else
                {
                    Add("S");
                }

                return i + 2;
            }

            Add("K");
            return Is(i + 1, "C", "K", "Q") && !Is(i + 1, "CE", "CI") ? i + 2 : i + 1;
        }

        private int G(int i)
        {
            if (At(i + 1) == 'H')
            {
                return GH(i);
            }

            if (At(i + 1) == 'N')
            {
                if (i == 1 && IsVowel(0) && !_slavoGermanic)
                {
                    Add("KN", "N");
                }
                else if (!Is(i + 2, "EY") && At(i + 1) != 'Y' && !_slavoGermanic)
                {
                    Add("N", "KN");
                }
                else
                {
                    Add("KN");
                }

                return i + 2;
            }

            if (Is(i + 1, "LI") && !_slavoGermanic)
            {
                Add("KL", "L");
                return i + 2;
            }

            if (i == 0 && (At(i + 1) == 'Y' || Is(i + 1, "ES", "EP", "EB", "EL", "EY", "IB", "IL", "IN", "IE", "EI", "ER")))
            {
                Add("K", "J");
                return i + 2;
            }

            if ((Is(i + 1, "ER") || At(i + 1) == 'Y') && !Is(0, "DANGER", "RANGER", "MANGER") && !Is(i - 1, "E", "I") && !Is(i - 1, "RGY", "OGY"))
            {
                Add("K", "J");
                return i + 2;
            }

            if (Is(i + 1, "E", "I", "Y") || Is(i - 1, "AGGI", "OGGI"))
            {
                if (Germanic || Is(i + 1, "ET"))
                {
                    Add("K");
                }
                else if (Is(i + 1, "IER") && i + 3 == _last)
                {
                    Add("J");
                }
                else
                {
                    Add("J", "K");
                }

                return i + 2;
            }

            Add("K");
            return At(i + 1) == 'G' ? i + 2 : i + 1;
        }

        private int GH(int i)
        {
            if (i > 0 && !IsVowel(i - 1))
            {
                Add("K");
                return i + 2;
            }

            if (i == 0)
            {
                Add(At(i + 2) == 'I' ? "J" : "K");
                return i + 2;
            }

            if ((i > 1 && Is(i - 2, "B", "H", "D")) || (i > 2 && Is(i - 3, "B", "H", "D")) || (i > 3 && Is(i - 4, "B", "H")))
            {
                return i + 2;
            }

            if (i > 2 && At(i - 1) == 'U' && Is(i - 3, "C", "G", "L", "R", "T"))
            {
                Add("F");
            }
            else if (i > 0 && At(i - 1) != 'I')
            {
                Add("K");
            }

            return i + 2;
        }

        private int J(int i)
        {
            if (Is(i, "JOSE") || Is(0, "SAN"))
            {
                if ((i == 0 && i + 4 > _last) || Is(0, "SAN"))
                {
                    Add("H");
                }
                else
                {
                    Add("J", "H");
                }

                return i + 1;
            }

            if (i == 0)
            {
                Add("J", "A");
            }
            else if (IsVowel(i - 1) && !_slavoGermanic && At(i + 1) is 'A' or 'O')
            {
                Add("J", "H");
            }
            else if (i == _last)
            {
                Add("J", "");
            }
            else if (!Is(i + 1, "L", "T", "K", "S", "N", "M", "B", "Z") && !Is(i - 1, "S", "K", "L"))
            {
                Add("J");
            }

            return At(i + 1) == 'J' ? i + 2 : i + 1;
        }

        private int S(int i)
        {
            if (Is(i - 1, "ISL", "YSL"))
            {
                return i + 1;
            }

            if (i == 0 && Is(i, "SUGAR"))
            {
                Add("X", "S");
                return i + 1;
            }

            if (Is(i, "SH"))
            {
                Add(Is(i + 1, "HEIM", "HOEK", "HOLM", "HOLZ") ? "S" : "X");
                return i + 2;
            }

            if (Is(i, "SIO", "SIA"))
            {
                if (_slavoGermanic)
                {
                    Add("S");
                }
                else
                {
                    Add("S", "X");
                }

                return i + 3;
            }

            if ((i == 0 && Is(i + 1, "M", "N", "L", "W")) || Is(i + 1, "Z"))
            {
                Add("S", "X");
                return Is(i + 1, "Z") ? i + 2 : i + 1;
            }

            if (Is(i, "SC"))
            {
                return SC(i);
            }

            if (i == _last && Is(i - 2, "AI", "OI"))
            {
                Add("", "S");
            }
            else
            {
                Add("S");
            }

            return Is(i + 1, "S", "Z") ? i + 2 : i + 1;
        }

        private int SC(int i)
        {
            if (At(i + 2) == 'H')
            {
                if (Is(i + 3, "OO", "ER", "EN", "UY", "ED", "EM"))
                {
                    if (Is(i + 3, "ER", "EN"))
                    {
                        Add("X", "SK");
                    }
                    else
                    {
                        Add("SK");
                    }
                }
                else if (i == 0 && !IsVowel(3) && At(3) != 'W')
                {
                    Add("X", "S");
                }
                else
                {
                    Add("X");
                }

                return i + 3;
            }

            Add(Is(i + 2, "I", "E", "Y") ? "S" : "SK");
            return i + 3;
        }

        private int T(int i)
        {
            if (Is(i, "TION", "TIA", "TCH"))
            {
                Add("X");
                return i + 3;
            }

            if (Is(i, "TH", "TTH"))
            {
                if (Is(i + 2, "OM", "AM") || Germanic)
                {
                    Add("T");
                }
                else
                {
                    Add("0", "T");
                }

                return i + 2;
            }

            Add("T");
            return Is(i + 1, "T", "D") ? i + 2 : i + 1;
        }

        private int W(int i)
        {
            if (Is(i, "WR"))
            {
                Add("R");
                return i + 2;
            }

            if (i == 0 && (IsVowel(i + 1) || Is(i, "WH")))
            {
                if (IsVowel(i + 1))
                {
                    Add("A", "F");
                }
                else
                {
                    Add("A");
                }
            }

            if ((i == _last && IsVowel(i - 1)) || Is(i - 1, "EWSKI", "EWSKY", "OWSKI", "OWSKY") || Is(0, "SCH"))
            {
                Add("", "F");
                return i + 1;
            }

            if (Is(i, "WICZ", "WITZ"))
            {
                Add("TS", "FX");
                return i + 4;
            }

            return i + 1;
        }
    }
}
