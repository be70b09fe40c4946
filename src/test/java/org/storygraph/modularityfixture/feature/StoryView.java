package org.storygraph.modularityfixture.feature;

public class StoryView {
}
