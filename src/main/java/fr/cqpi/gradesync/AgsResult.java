package fr.cqpi.gradesync;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** One entry of an AGS result container ({@code application/vnd.ims.lis.v2.resultcontainer+json}). */
@JsonIgnoreProperties(ignoreUnknown = true)
record AgsResult(String userId, BigDecimal resultScore, BigDecimal resultMaximum) {

    static final String CONTAINER = "application/vnd.ims.lis.v2.resultcontainer+json";

    /** The result as a percentage, two decimals (a missing or zero maximum reads as 100). */
    BigDecimal percent() {
        BigDecimal max = resultMaximum == null || resultMaximum.signum() == 0 ? new BigDecimal(100) : resultMaximum;
        return resultScore.multiply(new BigDecimal(100)).divide(max, 2, RoundingMode.HALF_UP);
    }
}
