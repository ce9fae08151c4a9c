package io.pikos.samples.service;

/**
 * Volume discounts: a quantity earns the percentage off of the highest tier it reaches (5 % from 10
 * units, 10 % from 50, 20 % from 100). Immutable, so every request thread shares one.
 */
final class DiscountRule {

    private final int[] minimumQuantities = {10, 50, 100};
    private final int[] percentsOff = {5, 10, 20};

    /**
     * Finds the discount a quantity earns.
     *
     * @param quantity how many units are bought
     * @return the percentage off, 0 below the first tier
     */
    int percentOff(int quantity) {
        int percent = 0;
        for (int tier = 0; tier < minimumQuantities.length; tier++) {
            if (quantity >= minimumQuantities[tier]) {
                percent = percentsOff[tier];
            }
        }
        return percent;
    }
}
