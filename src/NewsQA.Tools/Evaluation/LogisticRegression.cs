namespace NewsQA.Tools.Evaluation;

/// <summary>
/// L2-regularized logistic regression fitted by Newton's method (iteratively reweighted least squares): a handful of
/// features, a few thousand examples, exact and deterministic (no random start, no sampling), so a refit on the same
/// data gives the same weights. The bias is not regularized.
/// </summary>
public static class LogisticRegression
{
    private const int MaxIterations = 100;
    private const double Tolerance = 1e-10;

    /// <summary>Weights and bias for examples <paramref name="x"/> with labels 0/1 and per-example weights.</summary>
    public static (double[] Weights, double Bias) Fit(IReadOnlyList<double[]> x, IReadOnlyList<double> y, IReadOnlyList<double> weights, double l2)
    {
        var d = x[0].Length + 1; // the last coefficient is the bias
        var beta = new double[d];
        for (var iteration = 0; iteration < MaxIterations; iteration++)
        {
            var gradient = new double[d];
            var hessian = new double[d, d];
            for (var i = 0; i < x.Count; i++)
            {
                var p = Sigmoid(Dot(beta, x[i]));
                var r = weights[i] * (p - y[i]);
                var s = weights[i] * p * (1 - p);
                for (var a = 0; a < d; a++)
                {
                    var xa = a < d - 1 ? x[i][a] : 1;
                    gradient[a] += r * xa;
                    for (var b = 0; b <= a; b++) hessian[a, b] += s * xa * (b < d - 1 ? x[i][b] : 1);
                }
            }

            for (var a = 0; a < d; a++)
            {
                for (var b = 0; b < a; b++) hessian[b, a] = hessian[a, b];
                if (a < d - 1)
                {
                    gradient[a] += l2 * beta[a];
                    hessian[a, a] += l2;
                }
            }

            var step = Solve(hessian, gradient);
            var change = 0.0;
            for (var a = 0; a < d; a++)
            {
                beta[a] -= step[a];
                change = Math.Max(change, Math.Abs(step[a]));
            }

            if (change < Tolerance) break;
        }

        return (beta[..^1], beta[^1]);
    }

    public static double Sigmoid(double z) => 1 / (1 + Math.Exp(-z));

    private static double Dot(double[] beta, double[] x)
    {
        var z = beta[^1];
        for (var a = 0; a < x.Length; a++) z += beta[a] * x[a];
        return z;
    }

    // Gaussian elimination with partial pivoting; the regularized Hessian is positive definite.
    private static double[] Solve(double[,] matrix, double[] vector)
    {
        var n = vector.Length;
        var a = (double[,])matrix.Clone();
        var b = (double[])vector.Clone();
        for (var col = 0; col < n; col++)
        {
            var pivot = Enumerable.Range(col, n - col).MaxBy(r => Math.Abs(a[r, col]));
            if (pivot != col)
            {
                for (var k = 0; k < n; k++) (a[col, k], a[pivot, k]) = (a[pivot, k], a[col, k]);
                (b[col], b[pivot]) = (b[pivot], b[col]);
            }

            if (Math.Abs(a[col, col]) < 1e-12) a[col, col] = 1e-12;
            for (var r = col + 1; r < n; r++)
            {
                var factor = a[r, col] / a[col, col];
                for (var k = col; k < n; k++) a[r, k] -= factor * a[col, k];
                b[r] -= factor * b[col];
            }
        }

        var solution = new double[n];
        for (var r = n - 1; r >= 0; r--)
        {
            var sum = b[r];
            for (var k = r + 1; k < n; k++) sum -= a[r, k] * solution[k];
            solution[r] = sum / a[r, r];
        }

        return solution;
    }
}
