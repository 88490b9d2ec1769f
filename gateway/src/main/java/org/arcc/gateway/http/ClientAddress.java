package org.arcc.gateway.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The address of the client a request comes from, for the per-address rate limit. Behind an Ingress every connection
 * comes from the ingress controller, which names the client in {@code X-Forwarded-For}; anyone else could write any
 * address there. So the header counts only when the connection comes from a trusted proxy (configured address
 * ranges), and then only the entries the trusted proxies added: read from the right, the first address that is not
 * itself a trusted proxy is the client. Without trusted proxies (the default) the connection's address is the client.
 */
public final class ClientAddress {

    /** Only IP literals are parsed, so that no header value ever causes a DNS lookup. */
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private final List<Range> trusted;

    /** @param trustedProxies address ranges of the proxies in front of the gateway, e.g. {@code 10.0.0.0/8} */
    public ClientAddress(List<String> trustedProxies) {
        this.trusted = trustedProxies.stream().map(String::strip).filter(s -> !s.isEmpty()).map(Range::parse).toList();
    }

    /**
     * @param peer the address the connection comes from
     * @param forwardedFor every {@code X-Forwarded-For} header of the request, in order
     */
    public String of(String peer, List<String> forwardedFor) {
        if (!isTrusted(peer)) {
            return peer;
        }
        List<String> hops = new ArrayList<>();
        forwardedFor.forEach(header -> {
            for (String hop : header.split(",")) {
                hops.add(hop.strip());
            }
        });
        String client = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = hops.get(i);
            if (parse(hop) == null) {
                return client; // not an address: a trusted proxy did not write it, so stop at the last one that did
            }
            client = hop;
            if (!isTrusted(hop)) {
                return hop;
            }
        }
        return client;
    }

    private boolean isTrusted(String address) {
        InetAddress parsed = parse(address);
        return parsed != null && trusted.stream().anyMatch(range -> range.contains(parsed));
    }

    private static InetAddress parse(String address) {
        if (address == null || !IP_LITERAL.matcher(address).matches() || address.indexOf('.') < 0 && address.indexOf(':') < 0) {
            return null;
        }
        try {
            return InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** An address range in CIDR notation ({@code 10.0.0.0/8}, {@code fd00::/8}) or one address. */
    private record Range(byte[] network, int bits) {

        static Range parse(String cidr) {
            int slash = cidr.indexOf('/');
            InetAddress address = ClientAddress.parse(slash < 0 ? cidr : cidr.substring(0, slash));
            if (address == null) {
                throw new IllegalArgumentException("Not an address range of trusted proxies: " + cidr);
            }
            byte[] bytes = address.getAddress();
            int bits = slash < 0 ? bytes.length * 8 : Integer.parseInt(cidr.substring(slash + 1));
            if (bits < 0 || bits > bytes.length * 8) {
                throw new IllegalArgumentException("Not an address range of trusted proxies: " + cidr);
            }
            return new Range(bytes, bits);
        }

        boolean contains(InetAddress address) {
            byte[] candidate = address.getAddress();
            if (candidate.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < bits; bit++) {
                int mask = 0x80 >> (bit % 8);
                if ((candidate[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
