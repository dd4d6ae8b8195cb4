package dev.divergence.compute.parametric;

import org.hipparchus.exception.MathIllegalArgumentException;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.RealVector;

/**
 * A symmetric positive-definite d × d matrix held as its lower Cholesky factor L (A = L Lᵀ), built from any of
 * torch's three parameterizations. Decompositions, inverses and triangular solves come from Hipparchus.
 */
final class SymmetricPositiveDefinite {

    /** torch's symmetry check: {@code torch.allclose(A, A.mT, atol=1e-6)} with its default rtol 1e-5. */
    private static final double SYMMETRY_ATOL = 1e-6;
    private static final double SYMMETRY_RTOL = 1e-5;

    private final RealMatrix lower;
    private final double[][] l;
    private final double logDeterminant;
    /** A itself when it was given as a matrix (covariance_matrix, Wishart's covariance), else null. */
    private final RealMatrix given;

    private SymmetricPositiveDefinite(RealMatrix lower) {
        this(lower, null);
    }

    private SymmetricPositiveDefinite(RealMatrix lower, RealMatrix given) {
        this.lower = lower;
        this.given = given;
        this.l = lower.getData();
        double sum = 0;
        for (int i = 0; i < l.length; i++) {
            sum += Math.log(l[i][i]);
        }
        this.logDeterminant = 2 * sum;
    }

    /**
     * @param name the parameter's torch name, for errors
     * @param a d × d, row-major
     * @param d the dimension
     * @return the matrix
     * @throws InvalidParameterException if an entry is not finite, A is not symmetric or not positive definite
     */
    static SymmetricPositiveDefinite ofMatrix(String name, double[] a, int d) {
        RealMatrix m = symmetric(name, a, d);
        return new SymmetricPositiveDefinite(cholesky(name, m), m);
    }

    /**
     * @param name the parameter's torch name
     * @param precision P = A⁻¹, d × d, row-major
     * @param d the dimension
     * @return A = P⁻¹
     * @throws InvalidParameterException if P is not symmetric positive definite
     */
    static SymmetricPositiveDefinite ofInverse(String name, double[] precision, int d) {
        RealMatrix p = symmetric(name, precision, d);
        CholeskyDecomposition c = decompose(name, p);
        RealMatrix inverse = c.getSolver().getInverse();
        // symmetrize the rounding of the inverse before factorizing it
        RealMatrix sym = inverse.add(inverse.transpose()).scalarMultiply(0.5);
        return new SymmetricPositiveDefinite(cholesky(name, sym));
    }

    /**
     * @param name the parameter's torch name
     * @param tril L, lower triangular with a positive diagonal, d × d, row-major
     * @param d the dimension
     * @return A = L Lᵀ
     * @throws InvalidParameterException if L has a non-zero entry above the diagonal or a diagonal entry ≤ 0
     */
    static SymmetricPositiveDefinite ofCholesky(String name, double[] tril, int d) {
        double[][] m = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                double v = tril[i * d + j];
                if (!(Math.abs(v) < Double.POSITIVE_INFINITY)) {
                    throw new InvalidParameterException(name, i * d + j, "must be finite, was " + v);
                }
                if (j > i && v != 0) {
                    throw new InvalidParameterException(name, i * d + j,
                            "must be lower triangular: entries above the diagonal must be 0, was " + v);
                }
                if (j == i && !(v > 0)) {
                    throw new InvalidParameterException(name, i * d + j,
                            "must have a positive diagonal, was " + v);
                }
                m[i][j] = v;
            }
        }
        return new SymmetricPositiveDefinite(new Array2DRowRealMatrix(m, false));
    }

    /**
     * @param factor W, d × r, row-major
     * @param diag D, length d, entries > 0
     * @param d the dimension
     * @param r the rank of W
     * @return A = W Wᵀ + diag(D)
     * @throws InvalidParameterException if an entry of W is not finite or of D not finite and > 0
     */
    static SymmetricPositiveDefinite ofLowRank(double[] factor, double[] diag, int d, int r) {
        for (int i = 0; i < factor.length; i++) {
            if (!(Math.abs(factor[i]) < Double.POSITIVE_INFINITY)) {
                throw new InvalidParameterException("cov_factor", i, "must be finite, was " + factor[i]);
            }
        }
        for (int i = 0; i < d; i++) {
            if (!(diag[i] > 0 && diag[i] < Double.POSITIVE_INFINITY)) {
                throw new InvalidParameterException("cov_diag", i, "must be finite and > 0, was " + diag[i]);
            }
        }
        // A/s² = (W/s)(W/s)ᵀ + D/s² with s a power of 2 near the largest of |W| and √D, then L = s·chol(A/s²):
        // W Wᵀ itself overflows for entries near 1e155 (and underflows near 1e-170), its Cholesky factor does not;
        // scaling by 2^k is exact
        double largest = 0;
        for (double f : factor) {
            largest = Math.max(largest, Math.abs(f));
        }
        for (int i = 0; i < d; i++) {
            largest = Math.max(largest, Math.sqrt(diag[i]));
        }
        int k = Math.getExponent(largest);
        RealMatrix w = new Array2DRowRealMatrix(d, r);
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < r; j++) {
                w.setEntry(i, j, Math.scalb(factor[i * r + j], -k));
            }
        }
        RealMatrix a = w.multiplyTransposed(w);
        for (int i = 0; i < d; i++) {
            a.addToEntry(i, i, Math.scalb(Math.scalb(diag[i], -k), -k));
        }
        RealMatrix lower = cholesky("cov_factor", a);
        return new SymmetricPositiveDefinite(k == 0 ? lower : lower.scalarMultiply(Math.scalb(1.0, k)));
    }

    /** @return diag(variances) */
    static SymmetricPositiveDefinite ofDiagonal(double[] sd) {
        RealMatrix m = MatrixUtils.createRealDiagonalMatrix(sd);
        return new SymmetricPositiveDefinite(m);
    }

    private static RealMatrix symmetric(String name, double[] a, int d) {
        double[][] m = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                double v = a[i * d + j];
                if (!(Math.abs(v) < Double.POSITIVE_INFINITY)) {
                    throw new InvalidParameterException(name, i * d + j, "must be finite, was " + v);
                }
                m[i][j] = v;
            }
        }
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < i; j++) {
                if (Math.abs(m[i][j] - m[j][i]) > SYMMETRY_ATOL + SYMMETRY_RTOL * Math.abs(m[j][i])) {
                    throw new InvalidParameterException(name, i * d + j, "must be symmetric: entry [" + i + "][" + j
                            + "] is " + m[i][j] + " but [" + j + "][" + i + "] is " + m[j][i]);
                }
                double mean = 0.5 * (m[i][j] + m[j][i]);
                m[i][j] = mean;
                m[j][i] = mean;
            }
        }
        return new Array2DRowRealMatrix(m, false);
    }

    private static CholeskyDecomposition decompose(String name, RealMatrix a) {
        try {
            // symmetry was checked and enforced above; a pivot <= 0 means "not positive definite"
            return new CholeskyDecomposition(a, 1e-12, 0);
        } catch (MathIllegalArgumentException e) {
            throw new InvalidParameterException(name, -1, "must be positive definite (its Cholesky factorization "
                    + "fails: an eigenvalue is <= 0 or too small for double precision)");
        }
    }

    private static RealMatrix cholesky(String name, RealMatrix a) {
        return decompose(name, a).getL();
    }

    /** @return d */
    int dimension() {
        return l.length;
    }

    /** @return ln det A = 2 Σ ln L_ii */
    double logDeterminant() {
        return logDeterminant;
    }

    /**
     * ln det A − ln det B = 2 Σ ln(L_ii / M_ii) with L, M their Cholesky factors, each ratio's logarithm taken
     * whole ({@link StableMath#logRatio}): the difference of the two log-determinants would keep an absolute error
     * of a few ulps of each (≈ 2·10⁻¹³ for determinants near 1e-600), whatever the difference.
     *
     * @param other B, of the same dimension
     * @return ln(det A / det B)
     */
    double logDeterminantOver(SymmetricPositiveDefinite other) {
        double sum = 0;
        for (int i = 0; i < l.length; i++) {
            sum += StableMath.logRatio(l[i][i], other.l[i][i]);
        }
        return 2 * sum;
    }

    /** @return L as rows (shared, do not modify) */
    double[][] lowerRows() {
        return l;
    }

    /**
     * @param other B = M Mᵀ, same dimension
     * @return tr(A⁻¹ B) = ‖L⁻¹ M‖²_F
     */
    double traceOfInverseTimes(SymmetricPositiveDefinite other) {
        int d = l.length;
        double sum = 0;
        for (int j = 0; j < d; j++) {
            RealVector column = other.lower.getColumnVector(j);
            MatrixUtils.solveLowerTriangularSystem(lower, column);
            sum += column.dotProduct(column);
        }
        return sum;
    }

    /**
     * B relative to A (B = M Mᵀ, A = L Lᵀ), from one set of triangular solves D = L⁻¹(M − L), so that L⁻¹M = I + D:
     * the trace tr(A⁻¹B) = ‖I + D‖²_F, and, when A and B are close (‖D‖_F ≤ 0.1), the eigenvalues e of A⁻¹B − I.
     * A⁻¹B is similar to (I + D)(I + D)ᵀ, whose eigenvalues are 1 + e for the eigenvalues e of E = D + Dᵀ + DDᵀ; then
     * tr(A⁻¹B) − d − ln det(A⁻¹B) = Σ (e − ln(1 + e)) and ln det(A⁻¹B) = Σ ln(1 + e), each term accurate, where the
     * trace and the log-determinants would leave an absolute error of about d·ε.
     *
     * @param trace tr(A⁻¹B)
     * @param nearEigenvalues the eigenvalues e, or null when A and B are not close
     */
    record Relative(double trace, double[] nearEigenvalues) {
    }

    /**
     * @param other B = M Mᵀ, same dimension
     * @return B relative to this matrix
     */
    Relative relativeTo(SymmetricPositiveDefinite other) {
        int d = l.length;
        RealMatrix dm = new Array2DRowRealMatrix(d, d);
        double norm = 0;
        double trace = 0;
        for (int j = 0; j < d; j++) {
            RealVector column = other.lower.getColumnVector(j).subtract(lower.getColumnVector(j));
            MatrixUtils.solveLowerTriangularSystem(lower, column);
            dm.setColumnVector(j, column);
            double squares = column.dotProduct(column);
            norm += squares;
            // ‖e_j + D_j‖² = ‖D_j‖² + 2 D_jj + 1
            trace += squares + 2 * column.getEntry(j) + 1;
        }
        if (!(norm <= 0.01)) {
            return new Relative(trace, null);
        }
        RealMatrix e;
        if (given != null && other.given != null) {
            // both given as matrices: E = L⁻¹(B − A)L⁻ᵀ from the inputs' difference, exact entry by entry where they
            // are close (Sterbenz), instead of from the two Cholesky factors, whose rounding (≈ 1e-16 each) would be
            // most of a difference like 1e-10
            RealMatrix x = other.given.subtract(given);
            for (int j = 0; j < d; j++) {
                RealVector column = x.getColumnVector(j);
                MatrixUtils.solveLowerTriangularSystem(lower, column);
                x.setColumnVector(j, column);
            }
            RealMatrix xt = x.transpose();
            for (int j = 0; j < d; j++) {
                RealVector column = xt.getColumnVector(j);
                MatrixUtils.solveLowerTriangularSystem(lower, column);
                xt.setColumnVector(j, column);
            }
            // symmetric up to rounding: its symmetric part
            e = xt.add(xt.transpose()).scalarMultiply(0.5);
        } else {
            e = dm.add(dm.transpose()).add(dm.multiplyTransposed(dm));
        }
        return new Relative(trace, new EigenDecompositionSymmetric(e).getEigenvalues());
    }

    /**
     * @param v a vector of length d
     * @return vᵀ A⁻¹ v = ‖L⁻¹ v‖²
     */
    double mahalanobis(double[] v) {
        RealVector x = new ArrayRealVector(v);
        MatrixUtils.solveLowerTriangularSystem(lower, x);
        return x.dotProduct(x);
    }

    /**
     * ‖L⁻¹ v‖² by forward substitution on the cached rows, without allocating (the Monte Carlo inner loop).
     *
     * @param v a vector of length d, overwritten with L⁻¹ v
     * @return ‖L⁻¹ v‖²
     */
    double mahalanobisInPlace(double[] v) {
        double sum = 0;
        for (int i = 0; i < v.length; i++) {
            double[] row = l[i];
            double s = v[i];
            for (int j = 0; j < i; j++) {
                s -= row[j] * v[j];
            }
            s /= row[i];
            v[i] = s;
            sum += s * s;
        }
        return sum;
    }
}
