/*
 * The JNI half of dev.calls.load.client.SharedLoopbackSocket: one IPv4 UDP socket through which many
 * simulated participants send and receive, each from an address of its own in 127.0.0.0/8, or in the clients'
 * network namespace.
 *
 * Java 17's DatagramChannel can neither choose a datagram's source address nor say which local address a
 * datagram came to, and reads one datagram per system call. Here IP_PKTINFO (ip(7)) does both, and
 * recvmmsg(2) reads many datagrams at once. SO_TIMESTAMPNS (socket(7)) tells when each datagram arrived in
 * the socket, so that the latency the tool measures ends there and not whenever its thread next ran.
 * Nothing allocates or blocks; the message headers live on this thread's stack for the length of one call.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <jni.h>
#include <netinet/in.h>
#include <sched.h>
#include <stdint.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <time.h>
#include <unistd.h>

/* Datagrams per receive call: at most this many slots are read, whatever the caller's buffer holds. */
#define MAX_SLOTS 64
/* The ints receive() writes per datagram: length, destination address, source address, source port. */
#define META 4
/* Room for both control messages a datagram carries: its destination (IP_PKTINFO) and arrival time. */
#define CONTROL_BYTES (CMSG_SPACE(sizeof(struct in_pktinfo)) + CMSG_SPACE(sizeof(struct timespec)))
/* The largest datagram send() takes: above what the tool sends (an RTP packet of a screen share). */
#define MAX_SEND 2048

/* A non-blocking IPv4 UDP socket on 0.0.0.0, an ephemeral port, with IP_PKTINFO and SO_TIMESTAMPNS; the
 * descriptor or -errno.
 * The receive buffer is forced past net.core.rmem_max where the process may (CAP_NET_ADMIN), since one socket
 * takes the fan-out of a whole call; otherwise it is as large as rmem_max allows. */
static int open_socket(jint receive_buffer_bytes) {
    int fd = socket(AF_INET, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        return -errno;
    }
    int on = 1;
    int size = receive_buffer_bytes;
    struct sockaddr_in any = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_ANY), .sin_port = 0};
    if (setsockopt(fd, IPPROTO_IP, IP_PKTINFO, &on, sizeof on) != 0
            || setsockopt(fd, SOL_SOCKET, SO_TIMESTAMPNS, &on, sizeof on) != 0
            || (setsockopt(fd, SOL_SOCKET, SO_RCVBUFFORCE, &size, sizeof size) != 0
                && setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size, sizeof size) != 0)
            || bind(fd, (struct sockaddr *) &any, sizeof any) != 0) {
        int error = errno;
        close(fd);
        return -error;
    }
    return fd;
}

/* As open_socket, in the network namespace the file `path` names (/run/netns/NAME for `ip netns add NAME`)
 * where it is not NULL. A socket stays in the namespace it was made in; setns(2) moves only the calling
 * thread, which returns to its own namespace before this returns. Entering one needs CAP_SYS_ADMIN. */
JNIEXPORT jint JNICALL Java_dev_calls_load_client_SharedLoopbackSocket_open0(JNIEnv *env, jclass cls,
        jint receive_buffer_bytes, jstring path) {
    (void) cls;
    if (path == NULL) {
        return open_socket(receive_buffer_bytes);
    }
    const char *name = (*env)->GetStringUTFChars(env, path, NULL);
    if (name == NULL) {
        return -ENOMEM; /* OutOfMemoryError is pending and reaches the Java caller */
    }
    int target = open(name, O_RDONLY | O_CLOEXEC);
    (*env)->ReleaseStringUTFChars(env, path, name);
    int own = open("/proc/thread-self/ns/net", O_RDONLY | O_CLOEXEC);
    if (target < 0 || own < 0) {
        int error = errno;
        if (target >= 0) {
            close(target);
        }
        if (own >= 0) {
            close(own);
        }
        return -error;
    }
    int fd = setns(target, CLONE_NEWNET) == 0 ? open_socket(receive_buffer_bytes) : -errno;
    if (setns(own, CLONE_NEWNET) != 0) {
        /* This thread could not go back, and its later sockets would open in the wrong namespace: an error. */
        int error = errno;
        if (fd >= 0) {
            close(fd);
        }
        fd = -error;
    }
    close(target);
    close(own);
    return fd;
}

/* The port the socket is bound to, or -errno. */
JNIEXPORT jint JNICALL Java_dev_calls_load_client_SharedLoopbackSocket_localPort(JNIEnv *env, jclass cls,
        jint fd) {
    (void) env;
    (void) cls;
    struct sockaddr_in local;
    socklen_t length = sizeof local;
    if (getsockname(fd, (struct sockaddr *) &local, &length) != 0) {
        return -errno;
    }
    return ntohs(local.sin_port);
}

static int64_t nanos(clockid_t clock) {
    struct timespec now;
    clock_gettime(clock, &now);
    return (int64_t) now.tv_sec * 1000000000 + now.tv_nsec;
}

/*
 * Reads up to `slots` queued datagrams without waiting: datagram i lands at slab[i * slot_bytes] (cut at
 * slot_bytes), meta[4 i .. 4 i + 3] gets its length, the local address it was sent to, its source address
 * and source port (addresses as host-order ints), and arrivals[i] the time it arrived in the socket on
 * CLOCK_MONOTONIC, the clock of Java's System.nanoTime on Linux. Returns how many were read, 0 if none was
 * queued, or -errno.
 *
 * The kernel stamps arrivals on CLOCK_REALTIME; each is turned into monotonic time by its age, the realtime
 * clock now less the stamp, read together with the monotonic clock, so that a step of the realtime clock
 * misplaces only the datagrams queued when it happens.
 */
JNIEXPORT jint JNICALL Java_dev_calls_load_client_SharedLoopbackSocket_receive0(JNIEnv *env, jclass cls,
        jint fd, jobject slab, jint slot_bytes, jint slots, jintArray meta, jlongArray arrivals) {
    (void) cls;
    char *base = (*env)->GetDirectBufferAddress(env, slab);
    jlong capacity = (*env)->GetDirectBufferCapacity(env, slab);
    if (base == NULL || slot_bytes <= 0 || slots <= 0 || (*env)->GetArrayLength(env, meta) < slots * META
            || (*env)->GetArrayLength(env, arrivals) < slots) {
        return -EINVAL;
    }
    if (slots > MAX_SLOTS) {
        slots = MAX_SLOTS;
    }
    if ((jlong) slots * slot_bytes > capacity) {
        slots = (int) (capacity / slot_bytes);
    }
    struct mmsghdr messages[MAX_SLOTS];
    struct iovec vectors[MAX_SLOTS];
    struct sockaddr_in sources[MAX_SLOTS];
    char controls[MAX_SLOTS][CONTROL_BYTES];
    memset(messages, 0, sizeof(struct mmsghdr) * (size_t) slots);
    for (int i = 0; i < slots; i++) {
        vectors[i].iov_base = base + (size_t) i * (size_t) slot_bytes;
        vectors[i].iov_len = (size_t) slot_bytes;
        messages[i].msg_hdr.msg_iov = &vectors[i];
        messages[i].msg_hdr.msg_iovlen = 1;
        messages[i].msg_hdr.msg_name = &sources[i];
        messages[i].msg_hdr.msg_namelen = sizeof sources[i];
        messages[i].msg_hdr.msg_control = controls[i];
        messages[i].msg_hdr.msg_controllen = sizeof controls[i];
    }
    int count = recvmmsg(fd, messages, (unsigned int) slots, MSG_DONTWAIT, NULL);
    if (count < 0) {
        return errno == EAGAIN || errno == EWOULDBLOCK ? 0 : -errno;
    }
    int64_t real_now = nanos(CLOCK_REALTIME);
    int64_t monotonic_now = nanos(CLOCK_MONOTONIC);
    jint out[MAX_SLOTS * META];
    jlong stamps[MAX_SLOTS];
    for (int i = 0; i < count; i++) {
        jint destination = 0;
        int64_t age = 0;
        for (struct cmsghdr *c = CMSG_FIRSTHDR(&messages[i].msg_hdr); c != NULL;
                c = CMSG_NXTHDR(&messages[i].msg_hdr, c)) {
            if (c->cmsg_level == IPPROTO_IP && c->cmsg_type == IP_PKTINFO) {
                struct in_pktinfo info;
                memcpy(&info, CMSG_DATA(c), sizeof info);
                destination = (jint) ntohl(info.ipi_addr.s_addr);
            } else if (c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_TIMESTAMPNS) {
                struct timespec arrived;
                memcpy(&arrived, CMSG_DATA(c), sizeof arrived);
                age = real_now - ((int64_t) arrived.tv_sec * 1000000000 + arrived.tv_nsec);
            }
        }
        stamps[i] = (jlong) (monotonic_now - (age > 0 ? age : 0));
        out[i * META] = (jint) messages[i].msg_len;
        out[i * META + 1] = destination;
        out[i * META + 2] = (jint) ntohl(sources[i].sin_addr.s_addr);
        out[i * META + 3] = ntohs(sources[i].sin_port);
    }
    (*env)->SetIntArrayRegion(env, meta, 0, count * META, out);
    (*env)->SetLongArrayRegion(env, arrivals, 0, count, stamps);
    return count;
}

/* Sends buf[off, off + len) from local address `from` to `to`:`port` (host-order ints) without waiting; the
 * bytes sent or -errno (-EAGAIN when the send buffer is full). */
JNIEXPORT jint JNICALL Java_dev_calls_load_client_SharedLoopbackSocket_send0(JNIEnv *env, jclass cls, jint fd,
        jbyteArray buf, jint off, jint len, jint from, jint to, jint port) {
    (void) cls;
    if (len < 0 || len > MAX_SEND) {
        return -EMSGSIZE;
    }
    char data[MAX_SEND];
    (*env)->GetByteArrayRegion(env, buf, off, len, (jbyte *) data);
    if ((*env)->ExceptionCheck(env)) {
        return -EINVAL; /* ArrayIndexOutOfBoundsException is pending and reaches the Java caller */
    }
    struct sockaddr_in destination = {.sin_family = AF_INET, .sin_addr.s_addr = htonl((uint32_t) to),
            .sin_port = htons((uint16_t) port)};
    struct iovec vector = {.iov_base = data, .iov_len = (size_t) len};
    char control[CMSG_SPACE(sizeof(struct in_pktinfo))];
    memset(control, 0, sizeof control);
    struct msghdr message = {.msg_name = &destination, .msg_namelen = sizeof destination, .msg_iov = &vector,
            .msg_iovlen = 1, .msg_control = control, .msg_controllen = sizeof control};
    struct cmsghdr *c = CMSG_FIRSTHDR(&message);
    c->cmsg_level = IPPROTO_IP;
    c->cmsg_type = IP_PKTINFO;
    c->cmsg_len = CMSG_LEN(sizeof(struct in_pktinfo));
    struct in_pktinfo info = {.ipi_ifindex = 0, .ipi_spec_dst.s_addr = htonl((uint32_t) from)};
    memcpy(CMSG_DATA(c), &info, sizeof info);
    ssize_t sent = sendmsg(fd, &message, MSG_DONTWAIT);
    return sent < 0 ? -errno : (jint) sent;
}

JNIEXPORT jint JNICALL Java_dev_calls_load_client_SharedLoopbackSocket_close0(JNIEnv *env, jclass cls, jint fd) {
    (void) env;
    (void) cls;
    return close(fd) == 0 ? 0 : -errno;
}
